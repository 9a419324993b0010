package dev.commonhold.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The payer's phone, as a page: {@code GET /wechat-pay/cashier?outTradeNo=…&amountFen=…} (or /alipay/)
 * shows the order's amount and a button, as the channel's cashier does after the QR code is scanned;
 * pressing it pays the order and delivers the channel's signed notification to billing once. The
 * portal draws this page's address as the QR code (local stack only; a server has real channels).
 */
final class Cashier {

    interface Pay {
        ChannelSimulator.Delivery pay(String outTradeNo, long amountFen);
    }

    private final String channelName;
    private final Pay pay;

    Cashier(String channelName, Pay pay) {
        this.channelName = channelName;
        this.pay = pay;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = parameters(exchange);
            String outTradeNo = form.getOrDefault("outTradeNo", "");
            long amountFen;
            try {
                amountFen = Long.parseLong(form.getOrDefault("amountFen", ""));
            } catch (NumberFormatException e) {
                amountFen = 0;
            }
            if (amountFen <= 0) {
                page(exchange, 400, "<p>amountFen: a positive whole number of fen is needed.</p>");
                return;
            }
            if (!outTradeNo.matches("[A-Za-z0-9_-]{1,64}")) {
                page(exchange, 400, "<p>outTradeNo: the order number is missing or malformed.</p>");
                return;
            }
            String amount = String.format("¥%d.%02d", amountFen / 100, amountFen % 100);
            if ("POST".equals(exchange.getRequestMethod())) {
                ChannelSimulator.Delivery delivery = pay.pay(outTradeNo, amountFen);
                page(exchange, 200, "<h1 id=\"paid\">支付成功 · Paid</h1><p>" + amount + "</p><p>" + channelName + " "
                        + delivery.transactionId() + "</p><p>返回缴费页面查看收据 · Return to the portal for the receipt.</p>");
                return;
            }
            page(exchange, 200, "<h1>" + channelName + "</h1><p>商户订单号 Order " + outTradeNo + "</p><p class=\"amount\">" + amount + "</p>"
                    + "<form method=\"post\"><input type=\"hidden\" name=\"outTradeNo\" value=\"" + outTradeNo + "\">"
                    + "<input type=\"hidden\" name=\"amountFen\" value=\"" + amountFen + "\">"
                    + "<button type=\"submit\" id=\"confirm-payment\">确认支付 · Pay " + amount + "</button></form>"
                    + "<p>本页模拟支付渠道的手机收银台（仅本地演示） · This page plays the channel's phone cashier (local stack only).</p>");
        }
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> values = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        String body = "POST".equals(exchange.getRequestMethod())
                ? new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8) : "";
        for (String raw : new String[]{query == null ? "" : query, body}) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>收银台 Cashier</title><style>body{font:18px/1.5 sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}"
                + "button{font-size:1.2rem;padding:.8rem 1.2rem;background:#0b6b2f;color:#fff;border:0;border-radius:.4rem}.amount{font-size:2rem}</style>"
                + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
