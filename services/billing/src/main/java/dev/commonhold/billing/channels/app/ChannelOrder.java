package dev.commonhold.billing.channels.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order opened with WeChat Pay or Alipay for some of a household's open invoice lines. One
 * line may have several orders (the resident gives up on one channel and uses another).
 */
public record ChannelOrder(UUID id, String outTradeNo, String channel, UUID communityId, UUID unitId, long amountFen, List<UUID> lineIds,
                           Instant createdAt, Instant expiresAt, UUID paidPaymentId) {
}
