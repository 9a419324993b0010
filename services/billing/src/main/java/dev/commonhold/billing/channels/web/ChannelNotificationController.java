package dev.commonhold.billing.channels.web;

import dev.commonhold.billing.channels.alipay.AlipayNotifications;
import dev.commonhold.billing.channels.app.ChannelNotice;
import dev.commonhold.billing.channels.app.ChannelOrderStore;
import dev.commonhold.billing.channels.app.ChannelSettlement;
import dev.commonhold.billing.channels.app.RejectedNotification;
import dev.commonhold.billing.channels.wechat.WechatPayNotifications;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where WeChat Pay and Alipay send payment notifications. No token: the channel's signature is
 * the authentication, checked before anything else. Each answer is exactly what the channel
 * expects — WeChat: 204 on success, 4xx/5xx with {"code":"FAIL"} otherwise; Alipay: the body
 * {@code success}, anything else makes it resend.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Payment channels")
class ChannelNotificationController {

    private static final Logger log = LoggerFactory.getLogger(ChannelNotificationController.class);

    private final WechatPayNotifications wechat;
    private final AlipayNotifications alipay;
    private final ChannelSettlement settlement;
    private final ChannelOrderStore orders;

    ChannelNotificationController(WechatPayNotifications wechat, AlipayNotifications alipay, ChannelSettlement settlement, ChannelOrderStore orders) {
        this.wechat = wechat;
        this.alipay = alipay;
        this.settlement = settlement;
        this.orders = orders;
    }

    /** A real notification is one or two kilobytes; anything far larger is refused before it is read, or kept. */
    static final int MAX_BODY = 64 * 1024;
    /** What is kept of a rejected notification for review: enough to see what it was, never a disk-filling copy. */
    private static final int KEPT = 4 * 1024;

    @PostMapping(path = "/api/billing/channels/wechat-pay/notifications", consumes = MediaType.ALL_VALUE)
    ResponseEntity<String> wechatPay(HttpServletRequest request) {
        byte[] body = boundedBody(request);
        if (body == null) {
            return wechatFailure(413, "通知过大");
        }
        String raw = new String(body, StandardCharsets.UTF_8); // the exact bytes signed: never re-serialised
        try {
            ChannelSettlement.Outcome outcome = settlement.accept(wechat.verify(headers(request), raw));
            return outcome.acknowledge() ? ResponseEntity.noContent().build()
                    : wechatFailure(500, "订单不存在，请稍后重试");
        } catch (RejectedNotification e) {
            rejected("WECHAT_PAY", e, raw);
            return wechatFailure(401, "签名验证失败");
        }
    }

    @PostMapping(path = "/api/billing/channels/alipay/notifications", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> alipay(HttpServletRequest request) {
        byte[] body = boundedBody(request);
        if (body == null) {
            return ResponseEntity.status(413).contentType(MediaType.TEXT_PLAIN).body("fail");
        }
        Map<String, String> form;
        try {
            form = form(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            rejected("ALIPAY", new RejectedNotification("not a form: " + malformed.getMessage()), new String(body, StandardCharsets.UTF_8));
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("fail");
        }
        try {
            ChannelSettlement.Outcome outcome = settlement.accept(alipay.verify(form));
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(outcome.acknowledge() ? "success" : "fail");
        } catch (RejectedNotification e) {
            rejected("ALIPAY", e, form.toString());
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("fail");
        }
    }

    private void rejected(String channel, RejectedNotification e, String raw) {
        log.warn("{} notification rejected: {}", channel, e.getMessage());
        String kept = raw.length() > KEPT ? raw.substring(0, KEPT) + "…(" + raw.length() + " characters)" : raw;
        orders.record(new ChannelNotice(channel, null, null, null, false, 0, java.time.Instant.now(), kept), "REJECTED", e.getMessage());
    }

    /** The body, or null when it is larger than {@link #MAX_BODY} (by its Content-Length, or once that much was read). */
    private static byte[] boundedBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        try {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The form exactly as sent, decoded strictly: a malformed %-escape is an error, never a guess. */
    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            form.putIfAbsent(key, eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static ResponseEntity<String> wechatFailure(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":\"FAIL\",\"message\":\"" + message + "\"}");
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
