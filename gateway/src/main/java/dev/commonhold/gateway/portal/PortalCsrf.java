package dev.commonhold.gateway.portal;

import dev.commonhold.gateway.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * CSRF protection for what the portal's session cookie authorises, by the synchronizer-token pattern:
 * the token lives in the person's server-side session, the page gets it (masked afresh each time,
 * against BREACH) from {@code GET /portal/session} and keeps it in memory, and sends it back in the
 * X-XSRF-TOKEN header; a token planted in a cookie or made up is worth nothing.
 *
 * <p>Checked on every state-changing request to the APIs and to sign-out that carries the session
 * cookie and no token of its own: a bearer-token client or a payment channel's signed notification
 * carries no ambient authority and needs none; Keycloak's own pages behind the gateway protect their
 * forms themselves. The token is read from the header only — a form body is never read here, since
 * it goes on to a service (reading it would leave the service waiting for a body that never comes) —
 * except on sign-out, whose form the gateway handles itself. A refusal is 403 problem+json.
 */
public final class PortalCsrf {

    /** The portal's session cookie (WebFlux's default name). */
    public static final String SESSION_COOKIE = "SESSION";
    public static final String HEADER = "X-XSRF-TOKEN";
    private static final String SIGN_OUT = "/logout";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private PortalCsrf() {
    }

    public static void configure(ServerHttpSecurity.CsrfSpec csrf) {
        WebSessionServerCsrfTokenRepository inTheSession = new WebSessionServerCsrfTokenRepository();
        inTheSession.setHeaderName(HEADER);
        csrf.csrfTokenRepository(inTheSession)
                .csrfTokenRequestHandler(new HeaderOnly())
                .requireCsrfProtectionMatcher(reliesOnTheSession())
                .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "csrf-token-missing",
                        "Page out of date", "This change was not sent by a Commonhold page (its " + HEADER + " header is missing or stale). "
                                + "Reload the page and try again."));
    }

    private static ServerWebExchangeMatcher reliesOnTheSession() {
        return exchange -> {
            var request = exchange.getRequest();
            String path = request.getPath().value();
            boolean relies = !SAFE.contains(request.getMethod())
                    && (path.startsWith("/api/") || path.equals(SIGN_OUT))
                    && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    && request.getCookies().containsKey(SESSION_COOKIE);
            return relies ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** Spring's masked-token handler, but a form body is read for the token on sign-out only. */
    private static final class HeaderOnly implements ServerCsrfTokenRequestHandler {

        private final XorServerCsrfTokenRequestAttributeHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
            masked.handle(exchange, csrfToken);
        }

        @Override
        public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
            MediaType type = exchange.getRequest().getHeaders().getContentType();
            boolean form = type != null && (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type) || MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type));
            if (form && !SIGN_OUT.equals(exchange.getRequest().getPath().value())) {
                return Mono.empty();
            }
            return masked.resolveCsrfTokenValue(exchange, csrfToken);
        }
    }
}
