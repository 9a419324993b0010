package dev.commonhold.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Starts a W3C trace at the edge when the caller did not send one, so the gateway's log line,
 * the service's and every event the request causes share one trace id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceparentFilter implements WebFilter {

    static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (incoming != null && VALID.matcher(incoming).matches()) {
            return chain.filter(exchange);
        }
        String traceparent = "00-" + hex(16) + "-" + hex(8) + "-01";
        ServerWebExchange traced = exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, traceparent))).build();
        traced.getResponse().getHeaders().set(HEADER, traceparent);
        return chain.filter(traced);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
