package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.platform.money.Money;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Raises a lease's charges with ids derived from what they are for (the lease and the cycle, the
 * deposit, the late rent), so a round that runs twice, or a crash between raising and recording,
 * raises nothing twice: billing takes each charge id once.
 */
@Component
public class RentCharges {

    private final LeaseStore leases;
    private final LeaseCharges charges;

    RentCharges(LeaseStore leases, LeaseCharges charges) {
        this.leases = leases;
        this.charges = charges;
    }

    /** Raises every cycle of the lease due on or before {@code upTo} that was not raised, rent-free cycles aside. */
    public void raiseDue(Lease lease, LocalDate upTo, Instant at) {
        for (LeaseStore.ScheduledPeriod p : leases.periods(lease.id())) {
            if (p.chargeId() == null && p.amountFen() > 0 && !p.dueOn().isAfter(upTo)) {
                raisePeriod(lease, p, p.amountFen(), null, at);
            }
        }
    }

    /** Raises one cycle's rent (or what of it the lease's end leaves) and records it on the schedule. */
    public UUID raisePeriod(Lease lease, LeaseStore.ScheduledPeriod p, long amountFen, UUID replaces, Instant at) {
        UUID id = derived(lease.id(), replaces == null ? "rent:" + p.seq() : "rent:" + p.seq() + ":to:" + amountFen);
        LocalDate end = replaces == null ? p.end() : lease.endedOn() == null ? p.end() : min(p.end(), lease.endedOn());
        charges.raise(new LeaseCharges.NewCharge(id, lease.id(), lease.communityId(), LeaseCharges.Kind.RENT, lease.revenueClass(), null, amountFen,
                p.start(), end, p.dueOn(), lease.number(), lease.tenant().name(),
                "租金 %s %s至%s".formatted(lease.number(), p.start(), end), replaces), at);
        leases.periodRaised(lease.id(), p.seq(), id);
        return id;
    }

    /** The deposit (L3), less what a renewed lease carries over; nothing when that covers it. */
    public void raiseDeposit(Lease lease, long carriedFen, Instant at) {
        long due = lease.rent().depositFen() - carriedFen;
        if (due > 0) {
            charges.raise(new LeaseCharges.NewCharge(derived(lease.id(), "deposit"), lease.id(), lease.communityId(), LeaseCharges.Kind.DEPOSIT,
                    "deposit", null, due, null, null, lease.term().startOn(), lease.number(), lease.tenant().name(),
                    "押金 %s%s".formatted(lease.number(), carriedFen > 0 ? "（续租补足，原押金" + Money.yuan(carriedFen) + "元转入）" : ""), null), at);
        }
    }

    public void raiseLateFee(Lease lease, LeaseCharges.Charge late, long feeFen, long daysLate, LocalDate dueOn, Instant at) {
        charges.raise(new LeaseCharges.NewCharge(derived(late.id(), "late-fee"), lease.id(), lease.communityId(), LeaseCharges.Kind.LATE_FEE,
                "late_fee", late.revenueClass(), feeFen, late.periodStart(), late.periodEnd(), dueOn,
                lease.number(), lease.tenant().name(), "滞纳金 %s 逾期%d天（%s）".formatted(lease.number(), daysLate, late.description()), null), at);
    }

    public void raisePenalty(Lease lease, long penaltyFen, LocalDate lastDay, Instant at) {
        charges.raise(new LeaseCharges.NewCharge(derived(lease.id(), "penalty"), lease.id(), lease.communityId(), LeaseCharges.Kind.PENALTY,
                lease.revenueClass(), null, penaltyFen, null, null, lastDay, lease.number(), lease.tenant().name(),
                "提前解约违约金 %s（%d个月租金）".formatted(lease.number(), lease.rent().penaltyMonths()), null), at);
    }

    /** The rest of a charge the deposit paid part of, raised anew in its place. */
    public void raiseRemainder(Lease lease, LeaseCharges.Charge of, long remainderFen, Instant at) {
        charges.raise(new LeaseCharges.NewCharge(derived(of.id(), "remainder:" + remainderFen), lease.id(), lease.communityId(), of.kind(),
                of.revenueClass(), of.kind() == LeaseCharges.Kind.LATE_FEE ? lease.revenueClass() : null, remainderFen, of.periodStart(),
                of.periodEnd(), of.dueOn(), lease.number(), lease.tenant().name(), of.description() + "（押金抵扣后余额）", of.id()), at);
    }

    static UUID derived(UUID of, String what) {
        return UUID.nameUUIDFromBytes((of + ":" + what).getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
