package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.DepositStatement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Charges leasing raises through billing (leasing.charge-raised.v1, the shared charge payload) and
 * cancels (leasing.charge-cancelled.v1), kept and published in the caller's transaction; and what
 * billing settled of them.
 */
public interface LeaseCharges {

    enum Kind { RENT, DEPOSIT, LATE_FEE, PENALTY }

    /**
     * @param payerReference the lease number; the payer is the tenant
     * @param baseRevenueClass for a late fee, the class of the rent it is late on
     */
    record NewCharge(UUID id, UUID leaseId, UUID communityId, Kind kind, String revenueClass, String baseRevenueClass, long amountFen,
                     LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn, String payerReference, String payerName, String description,
                     UUID replacesChargeId) {
    }

    /** A charge as kept, with what billing settled of it. */
    record Charge(UUID id, UUID leaseId, Kind kind, String revenueClass, long amountFen, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
                  String description, long settledFen, Instant paidAt, Instant cancelledAt, String cancelReason, Instant raisedAt) {

        public boolean open() {
            return cancelledAt == null && settledFen < amountFen;
        }
    }

    /** What one settlement did: null when it was seen before or is not ours. */
    record Settled(Charge charge, boolean nowPaidInFull) {
    }

    void raise(NewCharge charge, Instant at);

    void cancel(UUID chargeId, String reason, Instant at);

    /** The lease a charge of ours belongs to, or null when the charge is not leasing's. */
    UUID leaseOf(UUID chargeId);

    Settled settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt);

    Settled reversed(UUID settlementId, UUID reversalId, String reason, Instant at);

    List<Charge> ofLease(UUID leaseId);

    /** The lease's charges nothing has been paid on and that are not cancelled, deposits aside: what the deposit may go to. */
    List<DepositStatement.Owed> unpaid(UUID leaseId);
}
