package dev.commonhold.billing.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billing.channels.*}: the merchant's identity with each payment channel and the keys that
 * verify what the channel sends. In the local stack and tests they come from the channel
 * simulator (keys generated on start); on a server, from secrets.
 */
@ConfigurationProperties("billing.channels")
public record ChannelProperties(WechatPay wechatPay, Alipay alipay) {

    /**
     * @param publicKey    WeChat Pay platform public key, Base64 of X.509 DER (PEM armour allowed)
     * @param publicKeyId  the key's id (PUB_KEY_ID_…), sent back in the Wechatpay-Serial header
     * @param apiV3Key     the 32-character APIv3 key that decrypts notification resources
     * @param notifyWindowSeconds how far a notification's timestamp may be from now (replay guard)
     */
    public record WechatPay(String mchid, String appid, String publicKey, String publicKeyId, String apiV3Key, Long notifyWindowSeconds,
                            String apiBase, String merchantPrivateKey, String merchantSerial) {
        public WechatPay {
            notifyWindowSeconds = notifyWindowSeconds == null ? 300 : notifyWindowSeconds;
            apiBase = apiBase == null || apiBase.isBlank() ? "https://api.mch.weixin.qq.com" : apiBase;
        }
    }

    /**
     * @param publicKey         Alipay's public key (RSA2), Base64 of X.509 DER
     * @param gateway           the OpenAPI gateway that answers alipay.trade.query
     * @param appPrivateKey     the merchant application's private key (PKCS#8, Base64) that signs requests to it
     */
    public record Alipay(String appId, String sellerId, String publicKey, String gateway, String appPrivateKey) {
        public Alipay {
            gateway = gateway == null || gateway.isBlank() ? "https://openapi.alipay.com/gateway.do" : gateway;
        }
    }
}
