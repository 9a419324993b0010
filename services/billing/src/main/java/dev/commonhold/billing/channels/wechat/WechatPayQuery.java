package dev.commonhold.billing.channels.wechat;

import dev.commonhold.billing.channels.ChannelProperties;
import dev.commonhold.billing.channels.app.ChannelNotice;
import dev.commonhold.billing.channels.app.ChannelOrder;
import dev.commonhold.billing.channels.app.ChannelQuery;
import dev.commonhold.billing.channels.app.RejectedNotification;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * WeChat Pay's order query ({@code GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…}):
 * the request carries the merchant's WECHATPAY2-SHA256-RSA2048 authorisation when a merchant key is
 * configured; the answer must carry WeChat Pay's signature, checked before it is believed.
 */
@Component
class WechatPayQuery implements ChannelQuery {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelProperties.WechatPay settings;
    private final WechatPayNotifications wechat;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WechatPayQuery(ChannelProperties properties, WechatPayNotifications wechat, Clock clock) {
        this.settings = properties.wechatPay();
        this.wechat = wechat;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "WECHAT_PAY";
    }

    @Override
    public Optional<ChannelNotice> paid(ChannelOrder order) {
        String path = "/v3/pay/transactions/out-trade-no/" + order.outTradeNo() + "?mchid=" + settings.mchid();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apiBase() + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET();
        authorisation(path).ifPresent(a -> request.header("Authorization", a));
        HttpResponse<String> answer = send(request.build());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        Map<String, String> headers = answer.headers().map().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().getFirst(), (a, b) -> a));
        wechat.requireSignedAnswer(headers, answer.body());
        JsonNode t = JSON.readTree(answer.body());
        wechat.requireOurs(t.path("mchid").asString(null), t.path("appid").asString(null));
        if (!"SUCCESS".equals(t.path("trade_state").asString(""))) {
            return Optional.empty();
        }
        return Optional.of(new ChannelNotice("WECHAT_PAY", "query:" + t.path("transaction_id").asString(), t.path("out_trade_no").asString(),
                t.path("transaction_id").asString(), true, t.path("amount").path("total").asLong(),
                OffsetDateTime.parse(t.path("success_time").asString()).toInstant(), answer.body()));
    }

    /** {@code GET\n<path>\n<timestamp>\n<nonce>\n\n} signed with the merchant key; none when no key is configured (the simulator needs none). */
    private Optional<String> authorisation(String path) {
        if (settings.merchantPrivateKey() == null || settings.merchantPrivateKey().isBlank()) {
            return Optional.empty();
        }
        try {
            long timestamp = clock.instant().getEpochSecond();
            String nonce = UUID.randomUUID().toString().replace("-", "");
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(settings.merchantPrivateKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")))));
            rsa.update(("GET\n" + path + "\n" + timestamp + "\n" + nonce + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Optional.of("WECHATPAY2-SHA256-RSA2048 mchid=\"%s\",nonce_str=\"%s\",signature=\"%s\",timestamp=\"%d\",serial_no=\"%s\""
                    .formatted(settings.mchid(), nonce, Base64.getEncoder().encodeToString(rsa.sign()), timestamp, settings.merchantSerial()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("billing.channels.wechat-pay.merchant-private-key is not a PKCS#8 RSA key", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new RejectedNotification("WeChat Pay did not answer the order query: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
