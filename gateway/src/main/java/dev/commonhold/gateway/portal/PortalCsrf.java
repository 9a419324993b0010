package dev.commonhold.gateway.portal;

import dev.commonhold.gateway.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import java.util.Set;

/**
 * CSRF protection for what the portal's session cookie authorises (the double-submit cookie pattern:
 * the page reads the XSRF-TOKEN cookie, which another site cannot, and sends it back in the
 * X-XSRF-TOKEN header). Checked on every state-changing request that carries the session cookie
 * and no token of its own: a bearer-token client or a payment channel's signed notification carries
 * no ambient authority and needs none. A refusal is 403 problem+json saying to reload the page.
 */
public final class PortalCsrf {

    /** The portal's session cookie (WebFlux's default name). */
    public static final String SESSION_COOKIE = "SESSION";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private PortalCsrf() {
    }

    public static void configure(ServerHttpSecurity.CsrfSpec csrf) {
        CookieServerCsrfTokenRepository cookie = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        cookie.setCookiePath("/");
        csrf.csrfTokenRepository(cookie)
                // The page echoes the cookie's value as it is (no per-request masking: the value lives in a cookie anyway).
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(reliesOnTheSession())
                .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "csrf-token-missing",
                        "Page out of date", "This change was not sent by a Commonhold page (its X-XSRF-TOKEN header is missing or stale). "
                                + "Reload the page and try again."));
    }

    private static ServerWebExchangeMatcher reliesOnTheSession() {
        return exchange -> {
            var request = exchange.getRequest();
            boolean relies = !SAFE.contains(request.getMethod())
                    && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    && request.getCookies().containsKey(SESSION_COOKIE);
            return relies ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
