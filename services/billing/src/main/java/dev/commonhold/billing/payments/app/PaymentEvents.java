package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.payments.domain.OldestFirst;

import java.util.List;
import java.util.UUID;

/** Port: billing.payment-settled.v1 per settled line and billing.refund-issued.v1, in the current transaction. */
public interface PaymentEvents {

    void settled(Received payment, List<OldestFirst.Share> shares, List<UUID> settlementIds);

    void refunded(UUID refundId, Refunds.Refund refund);

    /** billing.payment-reversed.v1 per reversed settlement. */
    void reversed(UUID communityId, UUID reversalId, List<Reversals.Reversed> settlements, String reason, java.time.Instant at);
}
