package dev.commonhold.franchise.agreements.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.app.Agreements;
import dev.commonhold.franchise.agreements.domain.AgreementTerms;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Franchise agreements as data (FR5): recorded and amended by the operator's admin, read by the regulator and the covered communities' owners. */
@RestController
@Tag(name = "Agreements")
@RequestMapping("/api/franchise/agreements")
class AgreementsController {

    /** The latest version of an agreement, or one version of it. */
    record AgreementView(UUID id, int version, LocalDate effectiveFrom, String amendmentReason, AgreementTerms terms, String recordedBy,
                         Instant recordedAt) {
        static AgreementView of(AgreementStore.Recorded r) {
            return new AgreementView(r.agreement().id(), r.agreement().version(), r.agreement().effectiveFrom(), r.agreement().amendmentReason(),
                    r.agreement().terms(), r.recordedBy(), r.recordedAt());
        }
    }

    /** @param effectiveFrom the first day the amended terms apply; @param reason why (补充协议 number, the decision) */
    record Amendment(@NotNull LocalDate effectiveFrom, @NotNull @Size(min = 1, max = 500) String reason, @NotNull AgreementTerms terms) {
    }

    private final Agreements agreements;

    AgreementsController(Agreements agreements) {
        this.agreements = agreements;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    AgreementView record(Viewer viewer, @RequestBody @NotNull AgreementTerms terms) {
        return AgreementView.of(agreements.record(viewer, terms));
    }

    @Audited(kind = AuditKind.APPROVAL, action = "franchise.agreement.amend")
    @PostMapping("/{agreementId}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    AgreementView amend(Viewer viewer, @PathVariable UUID agreementId, @Valid @RequestBody Amendment body) {
        return AgreementView.of(agreements.amend(viewer, agreementId, body.effectiveFrom(), body.reason(), body.terms()));
    }

    /** @param communityId only the agreements covering this community */
    @GetMapping
    List<AgreementView> list(Viewer viewer, @RequestParam(required = false) UUID communityId) {
        return agreements.visible(viewer, communityId).stream().map(AgreementView::of).toList();
    }

    @GetMapping("/{agreementId}")
    AgreementView get(Viewer viewer, @PathVariable UUID agreementId) {
        return AgreementView.of(agreements.readable(viewer, agreementId));
    }

    /** Every version, the first first: what was agreed when. */
    @GetMapping("/{agreementId}/versions")
    List<AgreementView> versions(Viewer viewer, @PathVariable UUID agreementId) {
        return agreements.versions(viewer, agreementId).stream().map(AgreementView::of).toList();
    }
}
