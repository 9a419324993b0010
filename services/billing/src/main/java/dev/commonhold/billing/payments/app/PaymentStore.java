package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.payments.domain.OldestFirst;
import dev.commonhold.billing.payments.domain.OpenLine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Port: payments, their settlements and credit balances. */
public interface PaymentStore {

    /** @return false if this channel transaction was recorded before (a duplicate) */
    boolean insertPayment(Received payment);

    /** Open lines of a unit, locked for this transaction, oldest first; only {@code lineIds} if given. */
    List<OpenLine> lockOpenLines(UUID unitId, Collection<UUID> lineIds);

    /** The open line of a charge a plate, a tenant or a customer owes (no household to hold credit), locked. */
    java.util.Optional<OpenLine> lockOpenChargeLine(UUID communityId, UUID chargeId);

    /**
     * The line of such a charge, open or not, locked — one statement, so "no line yet" and "nothing open on it"
     * are told apart from the same snapshot (a second query could see a line committed in between and call a
     * fresh charge paid).
     */
    java.util.Optional<ChargeLine> lockChargeLine(UUID communityId, UUID chargeId);

    /** A charge's line as it stands: {@code open} when something is still owed and it is not cancelled. */
    record ChargeLine(OpenLine line, boolean open) {
    }

    /** Records each share and adds it to its line's paid amount; returns the settlement ids in order. */
    List<UUID> settle(UUID paymentId, List<OldestFirst.Share> shares, Instant at);

    void credit(UUID communityId, UUID unitId, long amountFen, UUID paymentId, String reason);

    long creditBalance(UUID unitId);

    /** Serialises changes to one unit's credit balance (refunds, applications) for this transaction. */
    void lockBalance(UUID unitId);

    void recordRefund(UUID refundId, Refunds.Refund refund, String by);

    /** A recorded payment, as a reversal needs it. */
    record PaymentRow(UUID id, UUID communityId, UUID unitId, String channel, long amountFen) {
    }

    /** Locks the payment for this transaction; empty if it is not this community's. */
    java.util.Optional<PaymentRow> lockPayment(UUID communityId, UUID paymentId);

    /** @return false if the payment was reversed before */
    boolean recordReversal(UUID reversalId, UUID paymentId, String reason, java.time.Instant at, String by);

    /** The credit this payment created (its left-over), in fen. */
    long creditFrom(UUID paymentId);

    /** Opens again what each of the payment's settlements paid; returns them. */
    java.util.List<Reversals.Reversed> unsettle(UUID paymentId);
}
