package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;
import dev.commonhold.billing.invoicing.domain.Period;
import dev.commonhold.billing.invoicing.domain.PropertyFeeInvoices;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.billing.register.Register;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One chunk of a billing run, inside the caller's transaction: up to {@link #UNITS_PER_CHUNK}
 * units, across as many of the run's communities as that takes, billed set-based ({@link BulkIssue});
 * the run's cursor and counts move in the same transaction, so a crash loses nothing and repeats
 * nothing.
 */
@Component
class BillingRunChunk {

    /** Units per transaction: a million households take about fifty commits. */
    static final int UNITS_PER_CHUNK = 20_000;
    private static final UUID FIRST = new UUID(0, 0);

    /** What one worker pass over a run reads once: the run's communities and their plans do not change under it. */
    static final class Context {
        private final List<UUID> communities;
        private final Map<UUID, Optional<PropertyFeeInvoices>> billing = new HashMap<>();
        private final Map<UUID, LocalDate> today = new HashMap<>();

        Context(List<UUID> communities) {
            this.communities = communities;
        }
    }

    private final BillingRunStore runs;
    private final Register register;
    private final FeePlanStore plans;
    private final BulkIssue bulk;
    private final Clock clock;

    BillingRunChunk(BillingRunStore runs, Register register, FeePlanStore plans, BulkIssue bulk, Clock clock) {
        this.runs = runs;
        this.register = register;
        this.plans = plans;
        this.bulk = bulk;
        this.clock = clock;
    }

    Context context(BillingRun run) {
        return new Context(BillingRunWorker.communitiesOf(run.scopeKey(), register));
    }

    /** @return true while there is more to do */
    boolean next(UUID runId, Context context) {
        Optional<BillingRun> locked = runs.lockForWork(runId);
        if (locked.isEmpty() || !locked.get().running()) {
            return false;
        }
        BillingRun run = locked.get();
        UUID community = run.cursorCommunity() != null ? run.cursorCommunity() : context.communities.isEmpty() ? null : context.communities.getFirst();
        UUID after = run.cursorUnit() == null ? FIRST : run.cursorUnit();
        int budget = UNITS_PER_CHUNK;
        int done = 0, issued = 0, already = 0;
        long fen = 0;
        while (community != null && budget > 0) {
            BulkIssue.Result billed = bill(run, community, after, budget, context);
            done += billed.units();
            issued += billed.issued();
            already += billed.alreadyBilled();
            fen += billed.issuedFen();
            budget -= billed.units();
            if (billed.units() > 0 && budget == 0) {
                after = billed.lastUnit();
            } else {
                community = following(context.communities, community);
                after = FIRST;
            }
        }
        if (community == null) {
            runs.progressed(runId, done, issued, already, done - issued - already, fen, null, null);
            runs.finished(runId, "DONE", null);
            return false;
        }
        runs.progressed(runId, done, issued, already, done - issued - already, fen, community, after.equals(FIRST) ? null : after);
        return true;
    }

    private BulkIssue.Result bill(BillingRun run, UUID community, UUID after, int limit, Context context) {
        Optional<PropertyFeeInvoices> billing = context.billing.computeIfAbsent(community, c -> plans.find(c)
                .map(plan -> new PropertyFeeInvoices(plan, new Period(run.first(), plan.cycle().months()))));
        if (billing.isEmpty()) {
            // No fee plan: every unit counts as one without a price, and the run moves on.
            List<UUID> skipped = register.units(community, after, limit).stream().map(u -> u.id()).toList();
            return new BulkIssue.Result(skipped.size(), 0, 0, 0, skipped.isEmpty() ? null : skipped.getLast());
        }
        LocalDate today = context.today.computeIfAbsent(community, c -> register.community(c).map(CommunityCopy::zone)
                .map(zone -> LocalDate.now(clock.withZone(zone))).orElse(LocalDate.now(clock)));
        PropertyFeeInvoices b = billing.get();
        return bulk.issue(new BulkIssue.Chunk(run.id(), community, after, limit, b.rates(), b.months(), b.period().start(), b.period().end(),
                today, b.dueOn(), b.periodText()));
    }

    private static UUID following(List<UUID> communities, UUID current) {
        int at = communities.indexOf(current);
        return at >= 0 && at + 1 < communities.size() ? communities.get(at + 1) : null;
    }
}
