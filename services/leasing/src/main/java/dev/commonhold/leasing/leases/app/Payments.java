package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.LateFee;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.register.Register;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What billing settled of a lease's charges (inside the inbox transaction): a deposit paid in full is
 * announced as received (it is held, not income — L3); rent paid in full after its due date (or
 * after the day it was billed, when that was later) raises the lease's late fee, once.
 */
@Component
public class Payments {

    private final LeaseCharges charges;
    private final LeaseStore leases;
    private final RentCharges rentCharges;
    private final LeaseEvents events;
    private final Register register;

    Payments(LeaseCharges charges, LeaseStore leases, RentCharges rentCharges, LeaseEvents events, Register register) {
        this.charges = charges;
        this.leases = leases;
        this.rentCharges = rentCharges;
        this.events = events;
        this.register = register;
    }

    public void settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        UUID leaseId = charges.leaseOf(chargeId);
        if (leaseId == null) {
            return; // a charge of the same class raised by another service
        }
        // The lease first, then its charge: the order an ending and the rent round lock them in, so none waits on another.
        Lease lease = leases.lock(leaseId).orElseThrow();
        LeaseCharges.Settled settled = charges.settled(settlementId, chargeId, amountFen, settledAt);
        if (settled == null || !settled.nowPaidInFull()) {
            return;
        }
        LeaseCharges.Charge charge = settled.charge();
        if (charge.kind() == LeaseCharges.Kind.DEPOSIT) {
            long held = charges.ofLease(lease.id()).stream().filter(c -> c.kind() == LeaseCharges.Kind.DEPOSIT)
                    .mapToLong(LeaseCharges.Charge::settledFen).sum();
            events.depositReceived(lease, charge, held, settledAt);
        } else if (charge.kind() == LeaseCharges.Kind.RENT) {
            java.time.ZoneId zone = register.community(lease.communityId()).orElseThrow().zone();
            LocalDate paidOn = LocalDate.ofInstant(settledAt, zone);
            // Late from the due date, or from the day the rent was billed when that was later (a lease recorded after it began).
            LocalDate billedOn = LocalDate.ofInstant(charge.raisedAt(), zone);
            long daysLate = ChronoUnit.DAYS.between(charge.dueOn().isAfter(billedOn) ? charge.dueOn() : billedOn, paidOn);
            long fee = LateFee.of(charge.amountFen(), lease.rent().lateFeeBasisPointsPerDay(), lease.rent().lateFeeCapPercent(), daysLate);
            if (fee > 0) {
                rentCharges.raiseLateFee(lease, charge, fee, daysLate, paidOn, settledAt);
            }
        }
    }

    public void reversed(UUID settlementId, UUID reversalId, String reason, Instant at) {
        charges.reversed(settlementId, reversalId, reason, at); // one row, no lease lock: nothing else follows from it
    }
}
