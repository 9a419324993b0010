package dev.commonhold.leasing.leases.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.leasing.leases.app.DocumentStore;
import dev.commonhold.leasing.leases.app.Documents;
import dev.commonhold.leasing.leases.app.Endings;
import dev.commonhold.leasing.leases.app.LeaseQueries;
import dev.commonhold.leasing.leases.app.Leases;
import dev.commonhold.leasing.leases.app.NewLease;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.RentTerms;
import dev.commonhold.leasing.leases.domain.Tenant;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Leases (租赁合同): recorded, renewed and ended by the operator's staff; read by owners, regulators and the tenant. */
@RestController
@Tag(name = "Leases")
class LeasesController {

    private static final String LEASES = "/api/leasing/communities/{communityId}/leases";

    /** @param login the tenant's sign-in name (role tenant): they then see this lease and what they owe */
    record TenantBody(@NotNull Tenant.Kind kind, @NotBlank @Size(max = 100) String name, @Size(max = 18) String licenceNumber,
                      @Size(max = 30) String phone, @Size(max = 100) String login) {
        Tenant tenant() {
            // Keycloak keeps usernames in lower case: so does the lease, or the tenant would never see it.
            return new Tenant(kind, name.strip(), licenceNumber, phone, login == null || login.isBlank() ? null
                    : login.strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Rent terms: fen, basis points (300 = 3% a year), months.
     *
     * @param lateFeeBasisPointsPerDay 5 = 0.05% of a late charge per day, simple; capped at lateFeeCapPercent of it
     */
    record RentBody(@NotNull @Positive Long monthlyRentFen, @Min(0) @Max(5000) Integer escalationBasisPoints, @Min(0) @Max(24) Integer rentFreeMonths,
                    @NotNull Integer billingCycleMonths, @NotNull @PositiveOrZero Long depositFen, @Min(0) @Max(100) Integer lateFeeBasisPointsPerDay,
                    @Min(0) @Max(100) Integer lateFeeCapPercent, @Min(0) @Max(12) Integer penaltyMonths) {
        RentTerms terms() {
            return new RentTerms(monthlyRentFen, or(escalationBasisPoints), or(rentFreeMonths), billingCycleMonths, depositFen,
                    or(lateFeeBasisPointsPerDay), lateFeeCapPercent == null ? 20 : lateFeeCapPercent, or(penaltyMonths));
        }

        private static int or(Integer v) {
            return v == null ? 0 : v;
        }
    }

    /**
     * @param endOn          the lease's last day, inclusive
     * @param cutToLegalTerm a term over 20 years is cut to 20 years (L1) instead of refused
     * @param contractSha256 the signed contract's SHA-256 (hex), when written (L2)
     * @param resolutionId   the owners' V2 resolution letting a common part (L5)
     */
    record NewLeaseBody(@NotNull @Valid TenantBody tenant, @NotEmpty @Size(max = 20) List<@NotNull UUID> spaceIds,
                        @NotBlank @Size(max = 200) String purpose, @NotNull LocalDate startOn, @NotNull LocalDate endOn, Boolean cutToLegalTerm,
                        @NotNull Boolean writtenContract, @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String contractSha256,
                        @NotNull @Valid RentBody rent, UUID resolutionId) {
    }

    /** A renewal: new terms from the day after the current last day; the tenant and spaces stay. */
    record RenewalBody(@NotNull LocalDate endOn, Boolean cutToLegalTerm, @NotNull Boolean writtenContract,
                       @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String contractSha256,
                       @NotNull @Valid RentBody rent, UUID resolutionId) {
    }

    /** @param lastDay the last day the tenant has the space */
    record TerminationBody(@NotNull Lease.Ending ending, @NotNull LocalDate lastDay, @NotBlank @Size(max = 200) String reason) {
    }

    private final Leases leases;
    private final Endings endings;
    private final LeaseQueries queries;
    private final Documents documents;

    LeasesController(Leases leases, Endings endings, LeaseQueries queries, Documents documents) {
        this.leases = leases;
        this.endings = endings;
        this.queries = queries;
        this.documents = documents;
    }

    @PostMapping(LEASES)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    LeaseViews.Recorded record(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody NewLeaseBody b) {
        Leases.Recorded recorded = leases.record(viewer, communityId, new NewLease(b.tenant().tenant(), b.spaceIds(), b.purpose(), b.startOn(),
                b.endOn(), Boolean.TRUE.equals(b.cutToLegalTerm()), b.writtenContract(), b.contractSha256(), b.rent().terms(), b.resolutionId()));
        return LeaseViews.recorded(recorded, queries.get(viewer, communityId, recorded.lease().id()));
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "leasing.leases.read")
    @GetMapping(LEASES)
    LeaseViews.Listing list(Viewer viewer, @PathVariable UUID communityId) {
        return LeaseViews.listing(queries.list(viewer, communityId));
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "leasing.lease.read")
    @GetMapping(LEASES + "/{leaseId}")
    LeaseViews.LeaseDetail get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId) {
        return LeaseViews.detail(queries.get(viewer, communityId, leaseId));
    }

    @PostMapping(LEASES + "/{leaseId}/renewal")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    LeaseViews.Recorded renew(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId, @Valid @RequestBody RenewalBody b) {
        Leases.Recorded recorded = leases.renew(viewer, communityId, leaseId, new NewLease(null, List.of(), null, null, b.endOn(),
                Boolean.TRUE.equals(b.cutToLegalTerm()), b.writtenContract(), b.contractSha256(), b.rent().terms(), b.resolutionId()));
        return LeaseViews.recorded(recorded, queries.get(viewer, communityId, recorded.lease().id()));
    }

    /** Ends an active lease early (or withdraws one still waiting for its vote): rent to the last day, the penalty, the deposit statement. */
    @Audited(kind = AuditKind.APPROVAL, action = "leasing.lease.terminate")
    @PostMapping(LEASES + "/{leaseId}/termination")
    @RequiresIdempotencyKey
    LeaseViews.LeaseDetail terminate(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId, @Valid @RequestBody TerminationBody b) {
        endings.terminate(viewer, communityId, leaseId, new Endings.Termination(b.ending(), b.lastDay(), b.reason().strip()));
        return LeaseViews.detail(queries.get(viewer, communityId, leaseId));
    }

    /** The lease summary (租赁合同摘要) as PDF: terms, spaces, rent schedule, charges, deposit. */
    @GetMapping(path = LEASES + "/{leaseId}/summary", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> summary(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId) {
        return summary(queries.get(viewer, communityId, leaseId));
    }

    /** The tenant's own lease summary as PDF. */
    @GetMapping(path = "/api/leasing/tenancies/{leaseId}/summary", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> mySummary(Viewer viewer, @PathVariable UUID leaseId) {
        return summary(queries.mine(viewer, leaseId));
    }

    private static ResponseEntity<byte[]> summary(LeaseQueries.LeaseView view) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + view.lease().number() + ".pdf\"")
                .body(LeaseSummary.pdf(view));
    }

    /** The signed contract or an attachment, as the raw file (PDF, JPEG or PNG, 20 MB at most); its SHA-256 is computed and kept. */
    @PostMapping(path = LEASES + "/{leaseId}/documents", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentStore.Document file(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId, @RequestParam DocumentStore.Kind kind,
                                @RequestParam(required = false) String fileName, @RequestBody byte[] content) {
        return documents.file(viewer, communityId, leaseId, kind, fileName, content);
    }

    @GetMapping(LEASES + "/{leaseId}/documents")
    List<DocumentStore.Document> documents(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId) {
        return documents.list(viewer, communityId, leaseId);
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "leasing.lease-document.read")
    @GetMapping(path = LEASES + "/{leaseId}/documents/{documentId}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> document(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID leaseId, @PathVariable UUID documentId) {
        byte[] content = documents.content(viewer, communityId, leaseId, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(content);
    }

    /** A tenant's own leases (role tenant, by sign-in name), with their schedule and what they owe. */
    @GetMapping("/api/leasing/tenancies")
    List<LeaseViews.LeaseDetail> mine(Viewer viewer) {
        return queries.mine(viewer).stream().map(LeaseViews::detail).toList();
    }
}
