package dev.commonhold.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commonhold.gateway.Problems;
import dev.commonhold.platform.security.KeycloakAuthorities;
import dev.commonhold.platform.security.Role;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Rate limits at the edge (issue 17): every routed request counts against its user and its client,
 * or against its address when it carries no token; over a limit it is answered 429 problem+json with
 * {@code Retry-After} and never reaches a service. Gate cameras (role gate-device) have their own,
 * higher limit. The counts live in this gateway instance's memory: with several instances behind a
 * load balancer each admits the limit, so a caller may get up to n times it (README, "Rate limits").
 */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitFilter implements GlobalFilter, Ordered {

    /** What one request counts against: a window per key, and whose it is, for the answer. */
    private record Budget(String key, int perSecond, String whose) {
    }

    private final RateLimitSettings limits;
    // A caller not seen for ten minutes is forgotten, so a flood of made-up addresses cannot fill the memory.
    private final Cache<String, RateLimiter> windows = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

    RateLimitFilter(RateLimitSettings limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/resources/")) {
            return chain.filter(exchange); // Keycloak's stylesheets and scripts: one sign-in page loads a dozen at once
        }
        return exchange.getPrincipal().ofType(JwtAuthenticationToken.class)
                .map(token -> budgets(token.getToken()))
                .defaultIfEmpty(List.of(anonymous(exchange)))
                .flatMap(budgets -> {
                    for (Budget budget : budgets) {
                        RateLimiter window = windows.get(budget.key() + "/" + budget.perSecond(), key -> window(key, budget.perSecond()));
                        if (!window.acquirePermission()) {
                            return refuse(exchange, budget, window);
                        }
                    }
                    return chain.filter(exchange);
                });
    }

    private List<Budget> budgets(Jwt token) {
        String client = token.getClaimAsString("azp");
        boolean camera = KeycloakAuthorities.realmRoles(token).contains(Role.GATE_DEVICE.realmRole());
        Budget user = new Budget("user:" + token.getSubject(), camera ? limits.cameraPerSecond() : limits.userPerSecond(), "your account");
        if (client == null) {
            return List.of(user);
        }
        return List.of(user, new Budget("client:" + client, camera ? limits.cameraPerSecond() : limits.clientPerSecond(),
                "the application " + client + " (all its users together)"));
    }

    private Budget anonymous(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return new Budget("address:" + address, limits.anonymousPerSecond(), "your address without a sign-in");
    }

    private static RateLimiter window(String key, int perSecond) {
        return RateLimiter.of(key, RateLimiterConfig.custom()
                .limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Budget budget, RateLimiter window) {
        long nanos = window instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 1_000_000_000L;
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "More than " + budget.perSecond() + " requests a second from " + budget.whose() + "; wait " + seconds
                        + " s (the Retry-After header) and send again. If a program of yours sends these, slow it down.");
    }

    /** First of the gateway's own filters: a refused request costs nothing further. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
