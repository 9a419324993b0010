package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;
import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.Register;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Starting and watching billing runs (operator admins). The work itself is {@link BillingRunWorker}'s. */
@Service
public class BillingRuns {

    /** What a run covers: one community, or every community of the admin's company. */
    public record Scope(UUID communityId, UUID companyId) {
    }

    private final BillingAccess access;
    private final Register register;
    private final FeePlanStore plans;
    private final BillingRunStore runs;
    private final BillingRunWorker worker;
    private final java.time.Clock clock;

    BillingRuns(BillingAccess access, Register register, FeePlanStore plans, BillingRunStore runs, BillingRunWorker worker, java.time.Clock clock) {
        this.access = access;
        this.register = register;
        this.plans = plans;
        this.runs = runs;
        this.worker = worker;
        this.clock = clock;
    }

    /** Starts the run, or answers the one already started for this scope and period (a rerun issues nothing twice). */
    @Transactional
    public BillingRun start(Viewer viewer, Scope scope, YearMonth first) {
        String key = scopeKey(viewer, scope);
        requireBillable(first);
        List<UUID> communities = BillingRunWorker.communitiesOf(key, register);
        if (scope.communityId() != null && plans.find(scope.communityId()).isEmpty()) {
            throw new BillingRuleViolation("communityId", "this community has no fee plan yet: PUT one at .../fee-plan first", null);
        }
        BillingRun run = runs.createOrGet(Ids.newId(), key, first, register.unitCount(communities), worker.lanesFor(communities.size()),
                viewer.subject());
        if ("FAILED".equals(run.status())) {
            runs.restart(run.id());
        }
        worker.submitAfterCommit(run.id());
        return runs.find(run.id()).orElseThrow();
    }

    /**
     * Rule P2: no more than 12 months may be demanded in advance — a run may not start beyond the
     * twelfth month from now. Rule P5: a claim older than three years has prescribed — a run may not
     * bill a period that began more than three years ago. (A yearly plan's run bills from its month.)
     */
    private void requireBillable(YearMonth first) {
        YearMonth current = YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        if (first.isAfter(current.plusMonths(12))) {
            throw new BillingRuleViolation("period", "%s is more than 12 months ahead of %s: no more than 12 months may be billed in advance (rule P2)"
                    .formatted(first, current), "P2");
        }
        if (first.isBefore(current.minusYears(3))) {
            throw new BillingRuleViolation("period", "%s is more than three years ago: such a claim has prescribed (rule P5)".formatted(first), "P5");
        }
    }

    public BillingRun get(Viewer viewer, UUID runId) {
        BillingRun run = runs.find(runId).orElseThrow(() -> ProblemException.notFound("Billing run", runId));
        scopeKeyVisible(viewer, run.scopeKey(), runId);
        return run;
    }

    public List<BillingRun> ofCommunity(Viewer viewer, UUID communityId) {
        access.staffOf(viewer, communityId);
        return runs.ofScope(BillingRun.communityScope(communityId));
    }

    private String scopeKey(Viewer viewer, Scope scope) {
        if ((scope.communityId() == null) == (scope.companyId() == null)) {
            throw new BillingRuleViolation("communityId", "name either communityId or companyId", null);
        }
        if (scope.communityId() != null) {
            access.adminOf(viewer, scope.communityId());
            return BillingRun.communityScope(scope.communityId());
        }
        boolean ownCompany = viewer.has(Role.OPERATOR_ADMIN) && scope.companyId().equals(viewer.company());
        if (!ownCompany && !viewer.has(Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("an operator admin may bill only their own company");
        }
        return BillingRun.companyScope(scope.companyId());
    }

    private void scopeKeyVisible(Viewer viewer, String key, UUID runId) {
        try {
            UUID id = UUID.fromString(key.substring(key.indexOf(':') + 1));
            if (key.startsWith("community:")) {
                access.staffOf(viewer, id);
            } else if (!viewer.has(Role.PLATFORM_ADMIN) && !id.equals(viewer.company())) {
                throw ProblemException.notFound("Billing run", runId);
            }
        } catch (AccessDeniedException e) {
            throw ProblemException.notFound("Billing run", runId);
        }
    }
}
