package dev.commonhold.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a service behind the gateway: echoes what reached it, answers a problem on
 * request, and can be taken down and brought back on the same port.
 */
final class StubService {

    private final int port;
    private final AtomicInteger hits = new AtomicInteger();
    private final java.util.Queue<String> paths = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private HttpServer server;

    StubService(int port) {
        this.port = port;
        start();
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    synchronized void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int hits() {
        return hits.get();
    }

    /** Whether a request for this path ever reached the stub (robust against stray calls of other tests). */
    boolean saw(String path) {
        return paths.contains(path);
    }

    /** How many requests for this path reached the stub. */
    long times(String path) {
        return paths.stream().filter(path::equals).count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        paths.add(exchange.getRequestURI().getPath());
        long received = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
        boolean problem = exchange.getRequestURI().getPath().endsWith("/refuse");
        String body = problem
                ? "{\"type\":\"tag:commonhold.dev,2026:problem/import-rejected\",\"status\":422,\"title\":\"Spreadsheet refused\"}"
                : "{\"path\":\"%s\",\"authorization\":\"%s\",\"traceparent\":\"%s\",\"bodyBytes\":%d,\"forwardedProto\":\"%s\",\"forwardedFor\":\"%s\",\"cookie\":\"%s\"}".formatted(
                exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("traceparent"),
                received, exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"), exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
                exchange.getRequestHeaders().getFirst("Cookie"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", problem ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(problem ? 422 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
