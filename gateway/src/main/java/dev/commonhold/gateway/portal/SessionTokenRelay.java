package dev.commonhold.gateway.portal;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A portal request to /api/** carries no token, only the session cookie: this puts the session's
 * access token (refreshed if it is about to expire) in its Authorization header, so everything
 * after it — the bearer-token check, community scoping, the services — sees exactly what an API
 * client would send. It runs after the CSRF check (GatewaySecurity) and before bearer authentication.
 * A request that brings its own token is left alone; a session whose refresh failed relays nothing,
 * and the request is answered 401 like any request without a token.
 */
public final class SessionTokenRelay implements WebFilter {

    private final ReactiveOAuth2AuthorizedClientManager tokens;

    public SessionTokenRelay(ReactiveOAuth2AuthorizedClientManager tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(OAuth2AuthenticationToken.class)
                .flatMap(signedIn -> accessToken(signedIn, exchange))
                .map(token -> exchange.mutate().request(r -> r.headers(h -> h.setBearerAuth(token))).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    /** The session's current access token, or nothing when it cannot be had (refresh token expired or revoked). */
    public Mono<String> accessToken(OAuth2AuthenticationToken signedIn, ServerWebExchange exchange) {
        return tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(PortalLogin.REGISTRATION)
                        .principal(signedIn)
                        .attribute(ServerWebExchange.class.getName(), exchange)
                        .build())
                .map(client -> client.getAccessToken().getTokenValue())
                .onErrorResume(org.springframework.security.oauth2.client.ClientAuthorizationException.class, expired -> Mono.empty());
    }
}
