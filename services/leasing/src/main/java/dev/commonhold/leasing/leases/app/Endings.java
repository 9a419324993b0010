package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.DepositStatement;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.RentSchedule;
import dev.commonhold.leasing.register.CommunityCopy;
import dev.commonhold.leasing.register.LeasingAccess;
import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How a lease ends — its term runs out, the tenant leaves early, both agree, or the tenant defaults —
 * and what that does to the money, in one transaction: rent for days after the last day is cancelled
 * (the cycle the last day falls in is charged pro rata by days), the penalty raised, and the deposit
 * statement drawn (L3): the deposit goes to what is still owed, oldest first — those charges are
 * cancelled in billing as settled from the deposit, which trust accounts post from lease-ended — and
 * the rest is due back to the tenant, or carried whole to the renewal that follows.
 */
@Service
public class Endings {

    /** Why the lease ended, as the operator's staff record it. */
    public record Termination(Lease.Ending ending, LocalDate lastDay, String reason) {
    }

    private final LeaseStore leases;
    private final LeaseCharges charges;
    private final RentCharges rentCharges;
    private final LeaseEvents events;
    private final LeasingAccess access;
    private final Clock clock;

    Endings(LeaseStore leases, LeaseCharges charges, RentCharges rentCharges, LeaseEvents events, LeasingAccess access, Clock clock) {
        this.leases = leases;
        this.charges = charges;
        this.rentCharges = rentCharges;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    /** The operator's staff end a lease before (or on) its last day, or void one still waiting for its vote. */
    @Transactional
    public LeaseStore.Ended terminate(Viewer viewer, UUID communityId, UUID leaseId, Termination t) {
        access.staffOf(viewer, communityId);
        leases.find(communityId, leaseId).orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
        Lease lease = leases.lock(leaseId).orElseThrow();
        if (t.ending() == Lease.Ending.EXPIRED || t.ending() == Lease.Ending.RENEWED) {
            throw new LeasingRuleViolation(null, "ending", "a lease expires (or passes to its renewal) by itself on its last day; "
                    + "record EARLY_BY_TENANT, BY_AGREEMENT or DEFAULT");
        }
        if (lease.status() == Lease.Status.AWAITING_VOTE) {
            leases.setStatus(leaseId, Lease.Status.VOID, null, "withdrawn before the owners' vote: " + t.reason());
            return null;
        }
        if (lease.status() != Lease.Status.ACTIVE) {
            throw ProblemException.conflict("lease " + lease.number() + " is " + lease.status() + " already");
        }
        if (t.lastDay().isBefore(lease.term().startOn().minusDays(1)) || t.lastDay().isAfter(lease.term().endOn())) {
            throw new LeasingRuleViolation(null, "lastDay", "must be between the day before the lease starts (%s) and its last day (%s)"
                    .formatted(lease.term().startOn().minusDays(1), lease.term().endOn()));
        }
        if (leases.renewalOf(leaseId).isPresent()) {
            throw ProblemException.conflict("lease " + lease.number() + " has a renewal recorded: end the renewal's terms first");
        }
        return end(lease, t, viewer.username() + " · " + viewer.subject());
    }

    /** Ends a lease whose term ran out (the round calls this): RENEWED when a renewal follows. */
    @Transactional
    public void expire(UUID leaseId) {
        Lease lease = leases.lock(leaseId).orElseThrow();
        if (lease.status() != Lease.Status.ACTIVE) {
            return;
        }
        boolean renewed = leases.renewalOf(leaseId).filter(r -> r.status() != Lease.Status.VOID).isPresent();
        end(lease, new Termination(renewed ? Lease.Ending.RENEWED : Lease.Ending.EXPIRED, lease.term().endOn(),
                renewed ? "renewed" : "the term ran out"), "leasing");
    }

    private LeaseStore.Ended end(Lease lease, Termination t, String by) {
        Instant now = clock.instant();
        RentSchedule schedule = RentSchedule.of(lease.term(), lease.rent());
        Lease ending = withEnd(lease, t.lastDay());
        settleRent(ending, schedule, t.lastDay(), now);
        long penalty = lease.penaltyFen(t.ending(), schedule, t.lastDay());
        if (penalty > 0) {
            rentCharges.raisePenalty(ending, penalty, t.lastDay(), now);
        }
        List<LeaseCharges.Charge> all = charges.ofLease(lease.id());
        long held = all.stream().filter(c -> c.kind() == LeaseCharges.Kind.DEPOSIT).mapToLong(LeaseCharges.Charge::settledFen).sum()
                + carriedIn(lease);
        all.stream().filter(c -> c.kind() == LeaseCharges.Kind.DEPOSIT && c.settledFen() == 0 && c.cancelledAt() == null)
                .forEach(c -> charges.cancel(c.id(), "租约已结束，押金未交", now));
        DepositStatement deposit = DepositStatement.settle(held, charges.unpaid(lease.id()), t.ending() == Lease.Ending.RENEWED);
        for (DepositStatement.Applied a : deposit.applied()) {
            charges.cancel(a.chargeId(), "以押金抵扣（L3）", now);
            if (!a.whole()) {
                // `all` was read after the penalty was raised: every charge the deposit can go to is in it.
                LeaseCharges.Charge of = all.stream().filter(c -> c.id().equals(a.chargeId())).findFirst().orElseThrow();
                rentCharges.raiseRemainder(ending, of, a.openFen() - a.amountFen(), now);
            }
        }
        leases.setStatus(lease.id(), Lease.Status.ENDED, t.lastDay(), t.ending() + ": " + t.reason());
        LeaseStore.Ended ended = new LeaseStore.Ended(lease.id(), t.lastDay(), t.ending(), t.reason(), penalty, deposit, by, now);
        leases.recordEnd(ended);
        events.ended(ending, ended);
        return ended;
    }

    /** Rent up to the last day is owed, no more: later cycles cancelled, the last day's cycle pro rata, cycles past due raised. */
    private void settleRent(Lease lease, RentSchedule schedule, LocalDate lastDay, Instant now) {
        for (LeaseStore.ScheduledPeriod p : leases.periods(lease.id())) {
            long owed = p.start().isAfter(lastDay) ? 0 : p.end().isAfter(lastDay) ? schedule.periodUpTo(p.seq(), lastDay) : p.amountFen();
            if (owed == p.amountFen()) {
                if (p.chargeId() == null && owed > 0) {
                    rentCharges.raisePeriod(lease, p, owed, null, now);
                }
                continue;
            }
            if (p.chargeId() == null) {
                if (owed > 0) {
                    rentCharges.raisePeriod(lease, p, owed, null, now);
                }
                continue;
            }
            LeaseCharges.Charge raised = charges.ofLease(lease.id()).stream().filter(c -> c.id().equals(p.chargeId())).findFirst().orElseThrow();
            if (raised.settledFen() > 0 || raised.cancelledAt() != null) {
                continue; // paid ahead for days after the end: shown on the statement; the operator refunds it
            }
            charges.cancel(raised.id(), "租约于" + lastDay + "结束", now);
            if (owed > 0) {
                rentCharges.raisePeriod(lease, p, owed, raised.id(), now);
            }
        }
    }

    private long carriedIn(Lease lease) {
        return lease.renewsLeaseId() == null ? 0 : leases.end(lease.renewsLeaseId()).map(e -> e.deposit().carriedFen()).orElse(0L);
    }

    private static Lease withEnd(Lease l, LocalDate lastDay) {
        return new Lease(l.id(), l.communityId(), l.number(), l.tenant(), l.spaceIds(), l.purpose(), l.term(), l.indefiniteTerm(), l.writtenContract(),
                l.contractSha256(), l.rent(), l.revenueClass(), l.resolutionId(), l.franchiseReference(), l.renewsLeaseId(), Lease.Status.ENDED,
                lastDay, null, l.createdBy(), l.createdAt());
    }
}
