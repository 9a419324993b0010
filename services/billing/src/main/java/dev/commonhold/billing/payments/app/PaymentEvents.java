package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.payments.domain.OldestFirst;

import java.util.List;
import java.util.UUID;

/** Port: billing.payment-settled.v1 per settled line, what became credit, refunds and reversals — in the current transaction. */
public interface PaymentEvents {

    void settled(Received payment, List<OldestFirst.Share> shares, List<UUID> settlementIds);

    /** billing.credit-received.v1: {@code fen} of the payment paid no bill and became the household's credit. */
    void credited(Received payment, long fen);

    void refunded(UUID refundId, Refunds.Refund refund);

    /** billing.credit-reversed.v1: the credit a reversed payment had left is taken back with it. */
    void creditReversed(UUID communityId, UUID reversalId, UUID paymentId, UUID unitId, long fen, String reason, java.time.Instant at);

    /** billing.payment-reversed.v1 per reversed settlement. */
    void reversed(UUID communityId, UUID reversalId, List<Reversals.Reversed> settlements, String reason, java.time.Instant at);
}
