package dev.commonhold.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 answers written by the gateway itself, with the same type URIs as the services'
 * (platform/web ProblemType); a service's own problem+json passes through untouched.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** Nothing is served at this path: the gateway serves the APIs under /api/<service>/ (and sign-in), nothing else. */
    static Mono<Void> notFound(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No API at " + exchange.getRequest().getPath().value() + "; APIs live under /api/<service>/…");
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> problem = body(exchange, status, slug, title, detail);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // Also on answers decided before security writes its headers (an ambiguous path, a body too large).
        response.getHeaders().set("Content-Security-Policy", GatewaySecurity.API_CONTENT_SECURITY_POLICY);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    /** The same answer for a controller to return as its body (with status {@code status} and type problem+json). */
    public static org.springframework.http.ResponseEntity<Object> entity(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        return org.springframework.http.ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(exchange, status, slug, title, detail));
    }

    private static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "tag:commonhold.dev,2026:problem/" + slug);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String traceparent = exchange.getRequest().getHeaders().getFirst(TraceparentFilter.HEADER);
        if (traceparent != null) {
            problem.put("traceId", traceparent.split("-")[1]);
        }
        return problem;
    }
}
