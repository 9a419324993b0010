package dev.commonhold.billing.channels.app;

import java.time.Instant;

/**
 * A payment notification whose signature was verified, reduced to what settlement needs.
 *
 * @param paid       the channel reports the trade paid (WeChat SUCCESS; Alipay TRADE_SUCCESS or TRADE_FINISHED)
 * @param paidFen    what the channel says was paid, in fen (Alipay's yuan converted exactly)
 * @param raw        the body as received, kept for review and audit
 */
public record ChannelNotice(String channel, String notificationId, String outTradeNo, String transactionId, boolean paid, long paidFen,
                           Instant paidAt, String raw) {
}
