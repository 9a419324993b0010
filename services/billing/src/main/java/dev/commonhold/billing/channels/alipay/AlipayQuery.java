package dev.commonhold.billing.channels.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import dev.commonhold.billing.channels.ChannelProperties;
import dev.commonhold.billing.channels.app.ChannelNotice;
import dev.commonhold.billing.channels.app.ChannelOrder;
import dev.commonhold.billing.channels.app.ChannelQuery;
import dev.commonhold.billing.channels.app.RejectedNotification;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alipay's {@code alipay.trade.query}: the request is signed with the application's key when one is
 * configured; the answer's {@code alipay_trade_query_response} is checked, as the exact text Alipay
 * signed, with the official SDK ({@code AlipaySignature.rsaCheck(…, "RSA2")}) before it is believed.
 */
@Component
class AlipayQuery implements ChannelQuery {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String RESPONSE = "\"alipay_trade_query_response\":";

    private final ChannelProperties.Alipay settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AlipayQuery(ChannelProperties properties, Clock clock) {
        this.settings = properties.alipay();
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "ALIPAY";
    }

    @Override
    public Optional<ChannelNotice> paid(ChannelOrder order) {
        Map<String, String> form = new TreeMap<>(Map.of("app_id", settings.appId(), "method", "alipay.trade.query", "format", "JSON",
                "charset", "utf-8", "sign_type", "RSA2", "version", "1.0",
                "timestamp", LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).format(TIME),
                "biz_content", "{\"out_trade_no\":\"" + order.outTradeNo() + "\"}"));
        sign(form);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String answer = send(HttpRequest.newBuilder(URI.create(settings.gateway())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String signed = signedPart(answer);
        JsonNode whole = JSON.readTree(answer);
        try {
            if (!AlipaySignature.rsaCheck(signed, whole.path("sign").asString(""), settings.publicKey(), "UTF-8", "RSA2")) {
                throw new RejectedNotification("the answer's signature does not verify");
            }
        } catch (AlipayApiException e) {
            throw new RejectedNotification("the answer's signature cannot be checked: " + e.getMessage());
        }
        JsonNode r = JSON.readTree(signed);
        String status = r.path("trade_status").asString("");
        if (!"10000".equals(r.path("code").asString()) || !(status.equals("TRADE_SUCCESS") || status.equals("TRADE_FINISHED"))) {
            return Optional.empty();
        }
        return Optional.of(new ChannelNotice("ALIPAY", "query:" + r.path("trade_no").asString(), r.path("out_trade_no").asString(),
                r.path("trade_no").asString(), true, AlipayNotifications.fen(r.path("total_amount").asString()), clock.instant(), answer));
    }

    /** The response object exactly as it appears in the answer, which is what Alipay signed. */
    private static String signedPart(String answer) {
        int start = answer.indexOf(RESPONSE);
        int end = answer.lastIndexOf(",\"sign\":");
        if (start < 0 || end < start) {
            throw new RejectedNotification("not an alipay.trade.query answer");
        }
        return answer.substring(start + RESPONSE.length(), end).strip();
    }

    private void sign(Map<String, String> form) {
        if (settings.appPrivateKey() == null || settings.appPrivateKey().isBlank()) {
            return; // the simulator needs no signed request
        }
        try {
            form.put("sign", AlipaySignature.rsaSign(AlipaySignature.getSignCheckContentV1(form), settings.appPrivateKey(), "utf-8", "RSA2"));
        } catch (AlipayApiException e) {
            throw new IllegalStateException("billing.channels.alipay.app-private-key cannot sign: " + e.getMessage(), e);
        }
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new RejectedNotification("Alipay did not answer the order query: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
