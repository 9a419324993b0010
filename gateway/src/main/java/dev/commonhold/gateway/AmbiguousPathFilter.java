package dev.commonhold.gateway;

import dev.commonhold.platform.security.AmbiguousPaths;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;


/**
 * Refuses a path that can be read two ways ({@link AmbiguousPaths}: an encoded ASCII character,
 * ';', '//', dot segments, a backslash) before anything decides on it. Runs right after the
 * traceparent, before security, so the answer is problem+json whoever asks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AmbiguousPathFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (AmbiguousPaths.ambiguous(exchange.getRequest().getURI().getRawPath())) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "Ambiguous path", AmbiguousPaths.DETAIL);
        }
        return chain.filter(exchange);
    }
}
