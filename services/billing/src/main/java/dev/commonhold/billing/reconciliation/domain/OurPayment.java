package dev.commonhold.billing.reconciliation.domain;

import java.util.UUID;

/** A payment billing recorded through a channel on the day being reconciled. */
public record OurPayment(UUID paymentId, String transactionId, long amountFen) {
}
