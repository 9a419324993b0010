package dev.commonhold.billing.payments.app;

import dev.commonhold.platform.security.Viewer;

import java.time.Instant;
import java.util.UUID;

/**
 * Money that arrived: at the counter, by bank transfer, through WeChat Pay or Alipay, or from the
 * payer's credit. {@code channelTransactionId} (receipt number, bank serial, transaction_id,
 * trade_no) is unique per channel: the same one twice is a duplicate, never a second payment.
 */
public record Received(UUID paymentId, UUID communityId, UUID unitId, String channel, long amountFen, String channelTransactionId,
                       Instant receivedAt, String recordedBy, String note) {

    /** Who took the money, as a receipt names them and an audit finds them: "username · keycloak subject". */
    public static String recorder(Viewer viewer) {
        return (viewer.username() == null ? "" : viewer.username()) + " · " + viewer.subject();
    }
}
