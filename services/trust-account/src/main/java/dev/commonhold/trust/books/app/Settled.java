package dev.commonhold.trust.books.app;

import java.time.Instant;
import java.util.UUID;

/** One settled invoice line, as billing.payment-settled.v1 reports it (amount in fen). */
public record Settled(UUID settlementId, UUID communityId, String revenueClass, String baseRevenueClass, long amountFen, String channel,
                      String channelTransactionId, String payerReference, Instant settledAt) {
}
