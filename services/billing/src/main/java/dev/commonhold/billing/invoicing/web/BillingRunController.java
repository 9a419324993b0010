package dev.commonhold.billing.invoicing.web;

import dev.commonhold.billing.invoicing.app.BillingRuns;
import dev.commonhold.billing.invoicing.domain.BillingRun;
import dev.commonhold.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Billing runs: one period's property-fee invoices for a community or a whole company, as a job
 * with progress. Starting the same scope and period again answers the same run.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Billing runs")
class BillingRunController {

    record StartRun(UUID communityId, UUID companyId, @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as yyyy-MM") String period) {
    }

    record RunView(UUID id, String scope, String period, String status, int totalUnits, int doneUnits, int percent, long unitsPerSecond,
                   Long etaSeconds, int issued, long issuedFen, int alreadyBilled, int withoutPrice, Instant startedAt, Instant finishedAt,
                   String error) {
        static RunView of(BillingRun r) {
            return new RunView(r.id(), r.scopeKey(), r.first().toString(), r.status(), r.totalUnits(), r.doneUnits(), r.percent(),
                    Math.round(r.rate()), r.etaSeconds(), r.issued(), r.issuedFen(), r.alreadyBilled(), r.noPrice(), r.startedAt(),
                    r.finishedAt(), r.error());
        }
    }

    private final BillingRuns runs;

    BillingRunController(BillingRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/billing/runs")
    ResponseEntity<RunView> start(Viewer viewer, @Valid @RequestBody StartRun body) {
        BillingRun run = runs.start(viewer, new BillingRuns.Scope(body.communityId(), body.companyId()), YearMonth.parse(body.period()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/billing/runs/" + run.id())).body(RunView.of(run));
    }

    @GetMapping("/api/billing/runs/{runId}")
    RunView get(Viewer viewer, @PathVariable UUID runId) {
        return RunView.of(runs.get(viewer, runId));
    }

    @GetMapping("/api/billing/communities/{communityId}/runs")
    List<RunView> ofCommunity(Viewer viewer, @PathVariable UUID communityId) {
        return runs.ofCommunity(viewer, communityId).stream().map(RunView::of).toList();
    }
}
