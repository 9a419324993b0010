package dev.commonhold.billing.channels.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import dev.commonhold.billing.channels.ChannelProperties;
import dev.commonhold.billing.channels.app.ChannelNotice;
import dev.commonhold.billing.channels.app.RejectedNotification;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Verifies an Alipay asynchronous notification with the official SDK: RSA2 over the sorted
 * parameters without {@code sign} and {@code sign_type} ({@code rsaCheckV1(…, "RSA2")}; the
 * three-argument form would check SHA-1), on the untouched form map (PAYMENT-CHANNELS.md §3).
 * Amounts are yuan strings, converted to fen exactly.
 */
@Component
public class AlipayNotifications {

    private static final ZoneId ALIPAY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ChannelProperties.Alipay settings;
    private final Clock clock;

    AlipayNotifications(ChannelProperties properties, Clock clock) {
        this.settings = properties.alipay();
        this.clock = clock;
    }

    public ChannelNotice verify(Map<String, String> form) {
        if (settings == null || settings.publicKey() == null || settings.publicKey().isBlank()) {
            throw new RejectedNotification("Alipay is not configured (billing.channels.alipay)");
        }
        String raw = form.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            // rsaCheckV1 removes sign and sign_type from the map it is given: give it a copy.
            if (!AlipaySignature.rsaCheckV1(new HashMap<>(form), settings.publicKey(), "UTF-8", "RSA2")) {
                throw new RejectedNotification("signature does not verify");
            }
        } catch (AlipayApiException e) {
            throw new RejectedNotification("signature cannot be checked: " + e.getMessage());
        }
        if (settings.appId() != null && !settings.appId().equals(form.get("app_id"))) {
            throw new RejectedNotification("app_id " + form.get("app_id") + " is not ours");
        }
        if (settings.sellerId() != null && form.get("seller_id") != null && !settings.sellerId().equals(form.get("seller_id"))) {
            throw new RejectedNotification("seller_id " + form.get("seller_id") + " is not ours");
        }
        String status = form.getOrDefault("trade_status", "");
        boolean paid = status.equals("TRADE_SUCCESS") || status.equals("TRADE_FINISHED");
        return new ChannelNotice("ALIPAY", form.get("notify_id"), form.get("out_trade_no"), form.get("trade_no"), paid,
                fen(form.get("total_amount")), paidAt(form.get("gmt_payment")), raw);
    }

    /** "88.00" yuan → 8800 fen, exactly; a third decimal is not money Alipay sends. */
    static long fen(String yuan) {
        try {
            return new BigDecimal(yuan).movePointRight(2).longValueExact();
        } catch (RuntimeException e) {
            throw new RejectedNotification("total_amount " + yuan + " is not an amount in yuan with at most 2 decimals");
        }
    }

    private java.time.Instant paidAt(String gmtPayment) {
        try {
            return gmtPayment == null ? clock.instant() : LocalDateTime.parse(gmtPayment, TIME).atZone(ALIPAY_ZONE).toInstant();
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }
}
