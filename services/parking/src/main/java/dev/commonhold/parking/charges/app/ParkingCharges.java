package dev.commonhold.parking.charges.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Charges parking raises through billing (parking.charge-raised.v1, the shared charge payload),
 * kept and published in the caller's transaction, so a gate that is answered has its charge
 * recorded even while Kafka or billing is down (the outbox delivers it later).
 */
public interface ParkingCharges {

    enum Source {
        SESSION, PERMIT
    }

    /**
     * @param payerKind       "plate" for a session, "unit" for a permit
     * @param payerReference  the plate (K5) or the unit's 楼栋-房号
     * @param unitId          the household the charge falls on when known (arrears are its), else null
     * @param revenueClass    of the space kind (parking_common or parking_operator)
     * @param amountFen       fen, positive
     */
    record NewCharge(UUID id, UUID communityId, UUID lotId, Source source, UUID sourceId, String payerKind, String payerReference, UUID unitId,
                     String payerName, String revenueClass, long amountFen, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
                     String description) {
    }

    void raise(NewCharge charge, Instant at);

    /** A settled line billing reported; @return the charge's source when this settlement was new and completes the charge, else null */
    Settled settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt);

    /** A settlement of ours billing reversed; @return its charge's source when this reversal was new, else null */
    Settled reversed(UUID settlementId, UUID reversalId, String reason, Instant at);

    /** What a settlement (or its reversal) did to its charge. */
    record Settled(Source source, UUID sourceId, boolean paidInFull) {
    }
}
