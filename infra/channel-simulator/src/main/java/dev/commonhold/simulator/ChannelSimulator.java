package dev.commonhold.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The payer's side of the channels for the local stack: {@code POST /wechat-pay/pay} or
 * {@code /alipay/pay} with {@code outTradeNo}, {@code amountFen} and optionally {@code times}
 * (deliveries of the same notification, as the channels resend) and {@code delayMs} (before each
 * delivery) pays the order and sends the notifications to billing, answering what billing replied.
 */
public final class ChannelSimulator implements AutoCloseable {

    private final WechatPaySimulator wechat;
    private final AlipaySimulator alipay;
    private final String billingUrl;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong transactions = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    /** @param billingUrl where billing's notification endpoints are, e.g. http://localhost:8082 */
    public ChannelSimulator(WechatPaySimulator wechat, AlipaySimulator alipay, String billingUrl, int port) {
        this.wechat = wechat;
        this.alipay = alipay;
        this.billingUrl = billingUrl;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/wechat-pay/pay", exchange -> answer(exchange, this::payWechat));
        server.createContext("/alipay/pay", exchange -> answer(exchange, this::payAlipay));
        server.createContext("/v3/pay/transactions/out-trade-no/", this::queryWechat);
        server.createContext("/gateway.do", this::queryAlipay);
        server.createContext("/wechat-pay/cashier", new Cashier("微信支付 WeChat Pay", (no, fen) -> payWechat(no, fen, 1, 0))::handle);
        server.createContext("/alipay/cashier", new Cashier("支付宝 Alipay", (no, fen) -> payAlipay(no, fen, 1, 0))::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()); // a slow answer holds up no other
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The WeChat Pay side with the keys billing was given: benchmarks sign notifications ahead of time. */
    public WechatPaySimulator wechat() {
        return wechat;
    }

    private volatile long queryDelayMs;

    /**
     * Makes the channels' order queries answer only after {@code delay} (zero: at once): a slow channel, or with a delay
     * longer than billing's 10 s timeout, one that does not answer at all (the fault suite's fault e).
     */
    public void delayQueries(Duration delay) {
        queryDelayMs = delay.toMillis();
    }

    /** An order the payer paid, as the channel's order query reports it. */
    private record Paid(String transactionId, long amountFen) {
    }

    private final Map<String, Paid> paid = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Pays a WeChat Pay order and delivers its notification {@code times} times; returns billing's answers. With
     * {@code times} 0 the payment is made but every notification is lost: only billing's order query finds it.
     */
    public Delivery payWechat(String outTradeNo, long amountFen, int times, long delayMs) {
        String transactionId = "4200" + transactions.incrementAndGet();
        paid.put(outTradeNo, new Paid(transactionId, amountFen));
        WechatPaySimulator.Notification notification = wechat.paid(outTradeNo, transactionId, amountFen);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            pause(delayMs);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(billingUrl + "/api/billing/channels/wechat-pay/notifications"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(notification.body(), StandardCharsets.UTF_8));
            notification.headers().forEach(request::header);
            answers.add(send(request.build()).statusCode());
        }
        return new Delivery(transactionId, answers.stream().map(String::valueOf).toList());
    }

    /** Pays an Alipay order and delivers its notification {@code times} times (same notify_id each time). */
    public Delivery payAlipay(String outTradeNo, long amountFen, int times, long delayMs) {
        String tradeNo = "2026" + transactions.incrementAndGet();
        paid.put(outTradeNo, new Paid(tradeNo, amountFen));
        Map<String, String> form = alipay.paid(outTradeNo, tradeNo, amountFen);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            pause(delayMs);
            answers.add(send(HttpRequest.newBuilder(URI.create(billingUrl + "/api/billing/channels/alipay/notifications"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body());
        }
        return new Delivery(tradeNo, answers);
    }

    /** The channel's transaction id and what billing answered each delivery (WeChat: status; Alipay: body). */
    public record Delivery(String transactionId, List<String> answers) {
        String json() {
            return "{\"transactionId\":\"%s\",\"answers\":[%s]}".formatted(transactionId,
                    answers.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")));
        }
    }

    /** WeChat Pay's order query (GET /v3/pay/transactions/out-trade-no/{no}?mchid=…), its answer signed like a notification. */
    private void queryWechat(HttpExchange exchange) throws IOException {
        try (exchange) {
            pause(queryDelayMs);
            String outTradeNo = exchange.getRequestURI().getPath().substring("/v3/pay/transactions/out-trade-no/".length());
            Paid order = paid.get(outTradeNo);
            String body = order == null ? "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}" : wechat.transaction(outTradeNo, order.transactionId(),
                    order.amountFen(), "SUCCESS", java.time.Instant.now());
            WechatPaySimulator.Notification signed = wechat.sign(body, java.time.Instant.now());
            signed.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            reply(exchange, order == null ? 404 : 200, body);
        }
    }

    /** Alipay's alipay.trade.query (POST /gateway.do): {"alipay_trade_query_response":{…},"sign":"…"}, signed over the response object. */
    private void queryAlipay(HttpExchange exchange) throws IOException {
        try (exchange) {
            pause(queryDelayMs);
            Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String biz = form.getOrDefault("biz_content", "");
            String outTradeNo = biz.replaceAll(".*\"out_trade_no\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            Paid order = paid.get(outTradeNo);
            String response = order == null
                    ? "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\",\"sub_msg\":\"交易不存在\"}"
                    : "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"%s\",\"out_trade_no\":\"%s\",\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"%s\",\"send_pay_date\":\"%s\"}"
                    .formatted(order.transactionId(), outTradeNo, AlipaySimulator.yuan(order.amountFen()),
                            java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).withNano(0).toString().replace('T', ' '));
            reply(exchange, 200, "{\"alipay_trade_query_response\":" + response + ",\"sign\":\"" + alipay.signContent(response) + "\"}");
        }
    }

    private interface Payment {
        Delivery pay(String outTradeNo, long amountFen, int times, long delayMs);
    }

    private void answer(HttpExchange exchange, Payment payment) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                Delivery delivery = payment.pay(required(query, "outTradeNo"), Long.parseLong(required(query, "amountFen")),
                        Integer.parseInt(query.getOrDefault("times", "1")), Long.parseLong(query.getOrDefault("delayMs", "0")));
                reply(exchange, 200, delivery.json());
            } catch (IllegalArgumentException e) {
                reply(exchange, 400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
