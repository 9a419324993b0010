package dev.commonhold.billing.channels.wechat;

import com.wechat.pay.java.core.cipher.Verifier;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import dev.commonhold.billing.channels.ChannelProperties;
import dev.commonhold.billing.channels.app.ChannelNotice;
import dev.commonhold.billing.channels.app.RejectedNotification;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

/**
 * Verifies and decrypts a WeChat Pay API v3 notification with the official SDK (signature over
 * {@code timestamp\nnonce\nbody\n} with the platform public key, AES-256-GCM resource), on the raw
 * body exactly as received (PAYMENT-CHANNELS.md §1). The SDK does not check the timestamp: a
 * notification more than {@code notifyWindowSeconds} away from now is refused as a replay.
 */
@Component
public class WechatPayNotifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelProperties.WechatPay settings;
    private final NotificationParser parser;
    private final Verifier verifier;
    private final Clock clock;

    WechatPayNotifications(ChannelProperties properties, Clock clock) {
        this.settings = properties.wechatPay();
        this.clock = clock;
        RSAPublicKeyNotificationConfig config = settings == null || settings.publicKey() == null || settings.publicKey().isBlank() ? null
                : new RSAPublicKeyNotificationConfig.Builder().publicKey(publicKey(settings.publicKey()))
                .publicKeyId(settings.publicKeyId()).apiV3Key(settings.apiV3Key()).build();
        this.parser = config == null ? null : new NotificationParser(config);
        this.verifier = config == null ? null : config.createVerifier();
    }

    /**
     * Checks that an API answer (an order query) was signed by WeChat Pay: the same key and message
     * layout as notifications ({@code timestamp\nnonce\nbody\n}), with the SDK's verifier.
     */
    public void requireSignedAnswer(Map<String, String> headers, String body) {
        if (verifier == null) {
            throw new RejectedNotification("WeChat Pay is not configured (billing.channels.wechat-pay)");
        }
        String timestamp = required(headers, "wechatpay-timestamp");
        checkWindow(timestamp);
        if (!verifier.verify(required(headers, "wechatpay-serial"), timestamp + "\n" + required(headers, "wechatpay-nonce") + "\n" + body + "\n",
                required(headers, "wechatpay-signature"))) {
            throw new RejectedNotification("the answer's signature does not verify");
        }
    }

    /** The merchant this service is, as WeChat Pay knows it (checked on every transaction it reports). */
    void requireOurs(String mchid, String appid) {
        if (settings.mchid() != null && !settings.mchid().equals(mchid)) {
            throw new RejectedNotification("mchid " + mchid + " is not ours");
        }
        if (settings.appid() != null && !settings.appid().equals(appid)) {
            throw new RejectedNotification("appid " + appid + " is not ours");
        }
    }

    /** @param headers request headers, names in lower case */
    public ChannelNotice verify(Map<String, String> headers, String body) {
        if (parser == null) {
            throw new RejectedNotification("WeChat Pay is not configured (billing.channels.wechat-pay)");
        }
        String timestamp = required(headers, "wechatpay-timestamp");
        checkWindow(timestamp);
        RequestParam request = new RequestParam.Builder().serialNumber(required(headers, "wechatpay-serial"))
                .nonce(required(headers, "wechatpay-nonce")).signature(required(headers, "wechatpay-signature"))
                .signType(headers.getOrDefault("wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048")).timestamp(timestamp).body(body).build();
        JsonNode envelope = envelope(body);
        String eventType = envelope.path("event_type").asString("");
        try {
            if (!eventType.startsWith("TRANSACTION.")) {
                parser.parse(request, Map.class); // verified, then ignored: refunds are reconciled from the bill
                return new ChannelNotice("WECHAT_PAY", envelope.path("id").asString(null), null, null, false, 0, clock.instant(), body);
            }
            Transaction t = parser.parse(request, Transaction.class);
            requireOurs(t);
            boolean paid = eventType.equals("TRANSACTION.SUCCESS") && t.getTradeState() == Transaction.TradeStateEnum.SUCCESS;
            long fen = t.getAmount() == null || t.getAmount().getTotal() == null ? 0 : t.getAmount().getTotal();
            return new ChannelNotice("WECHAT_PAY", envelope.path("id").asString(null), t.getOutTradeNo(), t.getTransactionId(), paid, fen,
                    t.getSuccessTime() == null ? clock.instant() : OffsetDateTime.parse(t.getSuccessTime()).toInstant(), body);
        } catch (ValidationException e) {
            throw new RejectedNotification("signature does not verify: " + e.getMessage());
        } catch (MalformedMessageException | IllegalArgumentException e) {
            throw new RejectedNotification("not a WeChat Pay notification: " + e.getMessage());
        }
    }

    private void requireOurs(Transaction t) {
        requireOurs(t.getMchid(), t.getAppid());
    }

    private void checkWindow(String timestamp) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new RejectedNotification("Wechatpay-Timestamp is not a number");
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > settings.notifyWindowSeconds()) {
            throw new RejectedNotification("Wechatpay-Timestamp %s is more than %d s from now: a replay or a wrong clock"
                    .formatted(timestamp, settings.notifyWindowSeconds()));
        }
    }

    private static JsonNode envelope(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new RejectedNotification("body is not JSON");
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new RejectedNotification("header " + name + " missing");
        }
        return value;
    }

    static PublicKey publicKey(String base64) {
        try {
            String der = base64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der)));
        } catch (Exception e) {
            throw new IllegalStateException("billing.channels.wechat-pay.public-key is not an RSA public key (Base64 X.509)", e);
        }
    }
}
