package dev.commonhold.gateway.portal;

import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The portal's pages may run their own scripts and styles and talk to the gateway only: no inline
 * script, nothing from another origin, never framed. The sign-out form may be sent on to Keycloak
 * (its end-session page), so the issuer's origin is a form target. Written before Spring Security's
 * header writer, which then leaves a Content-Security-Policy already present alone.
 */
@Component
class PortalHeaders implements WebFilter, Ordered {

    private final String policy;

    PortalHeaders(Environment environment) {
        URI issuer = URI.create(environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
        String keycloak = issuer.getScheme() + "://" + issuer.getRawAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + keycloak;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/portal/") || path.startsWith("/webjars/")) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", policy);
            exchange.getResponse().getHeaders().set("Referrer-Policy", "same-origin");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return -200; // before Spring Security's WebFilterChainProxy (-100)
    }
}
