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
 * One chunk of one lane of a billing run, inside the caller's transaction: up to
 * {@link #UNITS_PER_CHUNK} units of the lane's communities, across as many of them as that takes,
 * billed set-based ({@link BulkIssue}); the lane's cursor and the run's counts move in the same
 * transaction, so a crash loses nothing and repeats nothing.
 */
@Component
class BillingRunChunk {

    /** Units per transaction: a million households take about fifty commits. */
    static final int UNITS_PER_CHUNK = 20_000;
    private static final UUID FIRST = new UUID(0, 0);

    /** What one lane's worker reads once: the lane's communities and their plans do not change under it. */
    static final class Context {
        private final List<UUID> communities;
        private final Map<UUID, Optional<PropertyFeeInvoices>> billing = new HashMap<>();
        private final Map<UUID, LocalDate> today = new HashMap<>();

        /** The lane's communities in a fixed order (by id), so a cursor names where the lane stands whatever was added since. */
        Context(List<UUID> communities, int lane, int lanes) {
            this.communities = communities.stream().filter(c -> BillingRun.laneOf(c, lanes) == lane).sorted().toList();
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

    Context context(BillingRun run, int lane) {
        return new Context(BillingRunWorker.communitiesOf(run.scopeKey(), register), lane, run.lanes());
    }

    /** @return true while the lane has more to do */
    boolean next(BillingRun run, int laneNumber, Context context) {
        Optional<BillingRunStore.Lane> locked = runs.lockLane(run.id(), laneNumber);
        if (locked.isEmpty()) {
            return false;
        }
        List<UUID> communities = context.communities;
        BillingRunStore.Lane lane = locked.get();
        UUID community = lane.cursorCommunity() != null ? lane.cursorCommunity() : communities.isEmpty() ? null : communities.getFirst();
        UUID after = lane.cursorUnit() == null ? FIRST : lane.cursorUnit();
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
            if (billed.units() > 0) {
                // The community is done only when a call finds no unit after the cursor.
                after = billed.lastUnit();
            } else {
                community = following(communities, community);
                after = FIRST;
            }
        }
        runs.progressed(run.id(), new BillingRunStore.Lane(laneNumber, community, after.equals(FIRST) ? null : after), done, issued, already,
                done - issued - already, fen);
        if (community == null) {
            runs.laneFinished(run.id(), laneNumber);
            return false;
        }
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

    /** The lane's next community after {@code current} in id order (present or not: it may have left the register). */
    private static UUID following(List<UUID> communities, UUID current) {
        return communities.stream().filter(c -> c.compareTo(current) > 0).findFirst().orElse(null);
    }
}
