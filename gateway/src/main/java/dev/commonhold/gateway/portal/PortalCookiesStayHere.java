package dev.commonhold.gateway.portal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The portal's session cookie is the gateway's alone: it is taken out of every request
 * it forwards, so no service (nor Keycloak, whose own cookies pass untouched) ever sees a session id
 * it could replay. Services authenticate by the bearer token only.
 */
@Component
class PortalCookiesStayHere implements GlobalFilter, Ordered {

    private static final java.util.Set<String> OURS = java.util.Set.of(PortalCsrf.SESSION_COOKIE);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        java.util.List<String> cookies = exchange.getRequest().getHeaders().get(HttpHeaders.COOKIE);
        if (cookies == null || cookies.isEmpty()) {
            return chain.filter(exchange);
        }
        String kept = cookies.stream().flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::trim).filter(c -> !c.isEmpty() && !OURS.contains(c.split("=", 2)[0].trim()))
                .collect(Collectors.joining("; "));
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
            h.remove(HttpHeaders.COOKIE);
            if (!kept.isEmpty()) {
                h.set(HttpHeaders.COOKIE, kept);
            }
        })).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
