package dev.commonhold.gateway.portal;

import dev.commonhold.gateway.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is signed in to the portal: {@code GET /portal/session} answers the person's name, realm roles
 * and scope claims (communities, company, jurisdiction) as their current access token states them,
 * so the page shows each role's work, and the CSRF token the page sends back on changes (PortalCsrf,
 * masked afresh each time); 401 problem+json when nobody is. No access or refresh token ever reaches
 * the browser.
 */
@RestController
class PortalSession {

    private final SessionTokenRelay relay;
    private final ReactiveJwtDecoder tokens;

    private final String cashierUrl;

    PortalSession(org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager portalTokenManager, ReactiveJwtDecoder tokens,
                  @org.springframework.beans.factory.annotation.Value("${commonhold.portal.channel-cashier-url:}") String cashierUrl) {
        this.relay = new SessionTokenRelay(portalTokenManager);
        this.tokens = tokens;
        this.cashierUrl = cashierUrl;
    }

    @GetMapping("/portal/session")
    Mono<ResponseEntity<Object>> session(ServerWebExchange exchange, @AuthenticationPrincipal Mono<OAuth2AuthenticationToken> signedIn) {
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return signedIn
                .flatMap(person -> relay.accessToken(person, exchange).flatMap(tokens::decode).map(jwt -> this.describe(person, jwt)))
                .flatMap(me -> csrf.map(token -> {
                    me.put("csrfToken", token.getToken());
                    return me;
                }).defaultIfEmpty(me))
                .map(me -> ResponseEntity.ok().<Object>body(me))
                .switchIfEmpty(Mono.fromSupplier(() -> Problems.entity(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
                        "Sign in at /oauth2/authorization/portal.")));
    }

    private Map<String, Object> describe(OAuth2AuthenticationToken person, Jwt token) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", token.getClaimAsString("preferred_username"));
        String name = person.getPrincipal() instanceof OidcUser oidc ? oidc.getFullName() : null;
        me.put("name", name == null || name.isBlank() ? token.getClaimAsString("preferred_username") : name);
        me.put("roles", dev.commonhold.platform.security.KeycloakAuthorities.realmRoles(token));
        me.put("communities", orEmpty(token.getClaimAsStringList("communities")));
        me.put("company", token.getClaimAsString("company"));
        me.put("jurisdiction", orEmpty(token.getClaimAsStringList("jurisdiction")));
        me.put("cashierUrl", cashierUrl.isBlank() ? null : cashierUrl);
        return me;
    }

    private static List<String> orEmpty(List<String> claim) {
        return claim == null ? List.of() : claim;
    }
}
