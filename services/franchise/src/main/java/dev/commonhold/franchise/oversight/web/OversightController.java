package dev.commonhold.franchise.oversight.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.franchise.oversight.app.Oversight;
import dev.commonhold.franchise.oversight.app.ReportStore;
import dev.commonhold.franchise.oversight.app.Reporting;
import dev.commonhold.franchise.oversight.app.ShareSettlement;
import dev.commonhold.franchise.oversight.app.ShareStore;
import dev.commonhold.franchise.oversight.domain.Finding;
import dev.commonhold.franchise.oversight.domain.OperatorReport;
import dev.commonhold.franchise.oversight.domain.YearReview;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agreement's year under oversight: the operator's report (FR4), the review computed from the ledger with
 * its findings, the share due raised through billing, the owners' view of what is owed to their community,
 * the regulator's evaluation, and the review for spreadsheets (CSV) and as an OCDS PPP release.
 */
@RestController
@Tag(name = "Oversight")
@RequestMapping("/api/franchise/agreements/{agreementId}")
class OversightController {

    /** @param revenueFen the covered revenue as the operator counts it, fen; costs and investment likewise; kpiActuals in each standard's unit */
    record ReportBody(@NotNull @Min(2000) @Max(2200) Integer year, @NotNull @PositiveOrZero Long revenueFen, @NotNull @PositiveOrZero Long costsFen,
                      @NotNull @PositiveOrZero Long investedFen, @Size(max = 50) Map<String, Long> kpiActuals) {
    }

    /** @param verdict SATISFACTORY, NEEDS_IMPROVEMENT or UNSATISFACTORY */
    record EvaluationBody(@NotNull @Min(2000) @Max(2200) Integer year, @NotNull String verdict, @NotNull @Size(min = 1, max = 4000) String notes) {
    }

    /** The review with the version of the agreement it was computed under. */
    /** @param settledPayments how many settled payments the year's covered revenue is (the demand met) */
    record ReviewView(UUID agreementId, int version, String title, long settledPayments, YearReview review) {
        static ReviewView of(Oversight.Reviewed r) {
            return new ReviewView(r.agreement().id(), r.agreement().version(), r.agreement().terms().title(), r.settledPayments(), r.review());
        }
    }

    private final Oversight oversight;
    private final Reporting reporting;
    private final ShareSettlement settlement;
    private final Exports exports;

    OversightController(Oversight oversight, Reporting reporting, ShareSettlement settlement, Exports exports) {
        this.oversight = oversight;
        this.reporting = reporting;
        this.settlement = settlement;
        this.exports = exports;
    }

    /** The operator's report for a year; sending it again is a correction (a new version; the first one's time stays its submission time). */
    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    OperatorReport report(Viewer viewer, @PathVariable UUID agreementId, @Valid @RequestBody ReportBody body) {
        return reporting.submit(viewer, agreementId, body.year(), body.revenueFen(), body.costsFen(), body.investedFen(), body.kpiActuals());
    }

    @GetMapping("/reports")
    List<OperatorReport> reports(Viewer viewer, @PathVariable UUID agreementId) {
        return reporting.reports(viewer, agreementId);
    }

    /** The year reviewed from the ledger: revenue by class, share owed and paid, return against the cap, investment, KPI score, findings. */
    @GetMapping("/years/{year}/review")
    ReviewView review(Viewer viewer, @PathVariable UUID agreementId, @PathVariable int year) {
        return ReviewView.of(oversight.review(viewer, agreementId, year));
    }

    /** The findings for a spreadsheet: UTF-8 with a byte-order mark so Excel reads the Chinese. */
    @GetMapping(value = "/years/{year}/findings.csv", produces = "text/csv")
    ResponseEntity<byte[]> findingsCsv(Viewer viewer, @PathVariable UUID agreementId, @PathVariable int year) {
        Oversight.Reviewed reviewed = oversight.review(viewer, agreementId, year);
        List<Finding> findings = reviewed.review().findings();
        return Exports.csv("findings-" + agreementId + "-" + year, Exports.findings(reviewed, findings));
    }

    /** The year as an Open Contracting (OCDS 1.1, PPP profile) release package, validated against the vendored schemas before it is served. */
    @GetMapping(value = "/years/{year}/ocds", produces = "application/json")
    Object ocds(Viewer viewer, @PathVariable UUID agreementId, @PathVariable int year) {
        return exports.ocds(viewer, agreementId, year);
    }

    /** Raises what is due and not yet raised as share charges through billing, split among the covered communities by their revenue. */
    @PostMapping("/years/{year}/share-charges")
    @RequiresIdempotencyKey
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the charges raised now, one per covered community")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "nothing more is due: an empty list")
    ResponseEntity<List<ShareStore.ShareCharge>> raiseShare(Viewer viewer, @PathVariable UUID agreementId, @PathVariable int year) {
        List<ShareStore.ShareCharge> raised = settlement.raiseDue(viewer, agreementId, year);
        return ResponseEntity.status(raised.isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(raised);
    }

    /** What the owners of one covered community are owed for the year and what was raised and paid of it. */
    @GetMapping("/years/{year}/communities/{communityId}/share")
    Oversight.OwnersShare ownersShare(Viewer viewer, @PathVariable UUID agreementId, @PathVariable int year, @PathVariable UUID communityId) {
        return oversight.ownersShare(viewer, agreementId, year, communityId);
    }

    /** The regulator's evaluation (FR4: at least every two years). */
    @Audited(kind = AuditKind.APPROVAL, action = "franchise.evaluation.record")
    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    ReportStore.Evaluation evaluate(Viewer viewer, @PathVariable UUID agreementId, @Valid @RequestBody EvaluationBody body) {
        return reporting.evaluate(viewer, agreementId, body.year(), body.verdict(), body.notes());
    }

    @GetMapping("/evaluations")
    List<ReportStore.Evaluation> evaluations(Viewer viewer, @PathVariable UUID agreementId) {
        return reporting.evaluations(viewer, agreementId);
    }
}
