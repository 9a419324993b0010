package dev.commonhold.simulator;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * WeChat Pay API v3 as a merchant sees it (PAYMENT-CHANNELS.md §1): payment notifications whose
 * resource is AES-256-GCM encrypted with the APIv3 key and whose body is signed, with the platform
 * key, as {@code timestamp\nnonce\nbody\n}.
 */
public final class WechatPaySimulator {

    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_LOCAL";

    /** A notification as it goes over the wire: four signature headers and the exact body bytes. */
    public record Notification(Map<String, String> headers, String body) {
    }

    private final SecureRandom random = new SecureRandom();
    private final KeyPair platformKey = Keys.generate();
    private final String apiV3Key = randomAlphanumeric(32);
    private final String mchid;
    private final String appid;

    public WechatPaySimulator(String mchid, String appid) {
        this.mchid = mchid;
        this.appid = appid;
    }

    public String publicKeyBase64() {
        return Keys.publicKeyBase64(platformKey);
    }

    public String apiV3Key() {
        return apiV3Key;
    }

    public String mchid() {
        return mchid;
    }

    public String appid() {
        return appid;
    }

    /** TRANSACTION.SUCCESS for an order paid in full, sent now. */
    public Notification paid(String outTradeNo, String transactionId, long totalFen) {
        return notification(outTradeNo, transactionId, totalFen, "SUCCESS", mchid, Instant.now());
    }

    public Notification notification(String outTradeNo, String transactionId, long totalFen, String tradeState, String mchidSent, Instant sentAt) {
        String transaction = transaction(outTradeNo, transactionId, totalFen, tradeState, mchidSent, sentAt);
        String nonce = randomAlphanumeric(12);
        String body = """
                {"id":"%s","create_time":"%s","resource_type":"encrypt-resource","event_type":"TRANSACTION.%s","summary":"支付成功",\
                "resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"%s","associated_data":"transaction","nonce":"%s"}}"""
                .formatted(UUID.randomUUID(), OffsetDateTime.ofInstant(sentAt, ZoneOffset.ofHours(8)).withNano(0),
                        tradeState.equals("SUCCESS") ? "SUCCESS" : tradeState, encrypt(transaction, "transaction", nonce), nonce);
        return sign(body, sentAt);
    }

    /** A transaction as WeChat Pay describes it: the decrypted resource of a notification, or the body of an order query. */
    public String transaction(String outTradeNo, String transactionId, long totalFen, String tradeState, Instant at) {
        return transaction(outTradeNo, transactionId, totalFen, tradeState, mchid, at);
    }

    private String transaction(String outTradeNo, String transactionId, long totalFen, String tradeState, String mchidSent, Instant sentAt) {
        return """
                {"appid":"%s","mchid":"%s","out_trade_no":"%s","transaction_id":"%s","trade_type":"JSAPI","trade_state":"%s",\
                "trade_state_desc":"支付成功","bank_type":"OTHERS","attach":"","success_time":"%s","payer":{"openid":"oLocalPayer"},\
                "amount":{"total":%d,"payer_total":%d,"currency":"CNY","payer_currency":"CNY"}}"""
                .formatted(appid, mchidSent, outTradeNo, transactionId, tradeState,
                        OffsetDateTime.ofInstant(sentAt, ZoneOffset.ofHours(8)).withNano(0), totalFen, totalFen);
    }

    /** Signs any body as the platform would (tests use it to send a tampered or stale one). */
    public Notification sign(String body, Instant sentAt) {
        String timestamp = String.valueOf(sentAt.getEpochSecond());
        String nonce = randomAlphanumeric(32);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Serial", PUBLIC_KEY_ID);
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", Keys.sign(platformKey.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return new Notification(headers, body);
    }

    private String encrypt(String plaintext, String associatedData, String nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
