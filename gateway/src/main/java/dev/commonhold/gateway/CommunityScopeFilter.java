package dev.commonhold.gateway;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Community scoping at the edge: a resident or committee member reaching for a community that is
 * not in their token is refused here, before any service is bothered. Operators, gate cameras, merchants (by their login),
 * regulators and platform admins are scoped by company or jurisdiction, which only the services can check.
 */
@Component
class CommunityScopeFilter implements GlobalFilter, Ordered {

    private static final Pattern COMMUNITY_PATH = Pattern.compile("^/api/[a-z-]+/communities/([0-9a-fA-F-]{36})(/.*)?$");
    /** Paying one charge by its QR code needs no login (GatewaySecurity): whoever is signed in — a tenant in the portal — may too. */
    private static final Pattern PAY_BY_CODE = Pattern.compile("^/api/billing/communities/[0-9a-fA-F-]{36}/charges/[0-9a-fA-F-]{36}/channel-orders$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Matcher path = COMMUNITY_PATH.matcher(exchange.getRequest().getPath().value());
        if (!path.matches() || (exchange.getRequest().getMethod() == org.springframework.http.HttpMethod.POST
                && PAY_BY_CODE.matcher(exchange.getRequest().getPath().value()).matches())) {
            return chain.filter(exchange);
        }
        // Decide first, then act once: both the refusal and the forwarding complete empty, so an "if empty,
        // forward" after them would forward every request — refused ones included — a second time.
        return exchange.getPrincipal().ofType(JwtAuthenticationToken.class)
                .map(token -> outsideTheirCommunities(Viewer.from(token.getToken()), path.group(1)))
                .defaultIfEmpty(false)
                .flatMap(outside -> outside
                        ? Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Not your community",
                        "This community is not one of yours; ask the operator to link your account if it should be.")
                        : chain.filter(exchange));
    }

    private static boolean outsideTheirCommunities(Viewer viewer, String communityId) {
        if (viewer.hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN, Role.REGULATOR, Role.PLATFORM_ADMIN, Role.GATE_DEVICE, Role.MERCHANT)) {
            return false;
        }
        try {
            return !viewer.communities().contains(UUID.fromString(communityId));
        } catch (IllegalArgumentException notAnId) {
            return false; // the service answers a malformed id with a 400 naming it
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
