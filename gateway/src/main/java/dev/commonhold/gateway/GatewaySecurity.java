package dev.commonhold.gateway;

import dev.commonhold.gateway.portal.PortalCsrf;
import dev.commonhold.gateway.portal.PortalLogout;
import dev.commonhold.gateway.portal.SessionTokenRelay;
import dev.commonhold.platform.security.KeycloakAuthorities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Every /api/** request needs a valid Keycloak token for the commonhold-api audience; the token
 * travels on to the service, which checks it again and scopes its queries (defence in depth).
 * A portal page's request brings the session cookie instead, and the gateway relays the session's
 * token (issue 11, package portal).
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, org.springframework.core.env.Environment environment,
                                        ReactiveOAuth2AuthorizedClientManager portalTokenManager,
                                        ReactiveClientRegistrationRepository portalRegistration) {
        ServerWebExchangeMatcher actuatorOnThePublicPort = publicActuator(environment);
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(new KeycloakAuthorities());
        ServerAuthenticationEntryPoint notSignedIn = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
                    "Send a valid bearer token from Keycloak (Authorization: Bearer <token>), or sign in to the portal again; it may have expired.");
        };
        return http
                // The portal's session cookie is ambient authority: a state-changing call that relies on it must carry
                // the session's CSRF token in X-XSRF-TOKEN (PortalCsrf). A call with its own bearer token needs none.
                .csrf(PortalCsrf::configure)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Answers are data, never pages: nothing in them may load, run or be framed (issue 18). The portal's
                // pages get a policy of their own (PortalHeaders), which this writer then leaves alone.
                // HSTS is written on HTTPS answers (Spring Security's default when the request came over TLS).
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CONTENT_SECURITY_POLICY)))
                .authorizeExchange(e -> e
                        .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // Metrics and the route table only on a management port of their own, never on the public one.
                        .matchers(actuatorOnThePublicPort).denyAll()
                        // Payment channels sign their notifications; billing verifies the signature (no bearer token exists).
                        .pathMatchers(HttpMethod.POST, "/api/billing/channels/*/notifications").permitAll()
                        // A visitor pays a parking fee at the exit by scanning the barrier's QR code: no account, a plate's charge only.
                        .pathMatchers(HttpMethod.POST, "/api/billing/communities/*/charges/*/channel-orders").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        // Anything else is served only if a route, the portal or the health probe exists: otherwise 404 problem+json.
                        .anyExchange().permitAll())
                // The portal (backend-for-frontend): sign-in at Keycloak with PKCE, tokens kept in the session (PortalLogin),
                // relayed to /api/** as a bearer token before that token is checked like any other.
                .oauth2Login(o -> o
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/portal/"))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/portal/?signin=failed")))
                .addFilterAt(new SessionTokenRelay(portalTokenManager), SecurityWebFiltersOrder.HTTP_BASIC)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(PortalLogout.endingTheKeycloakSession(portalRegistration)))
                .exceptionHandling(x -> x.authenticationEntryPoint(notSignedIn))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(tokens)))
                        .authenticationEntryPoint(notSignedIn)
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                "Your account may not do this here; ask an administrator if you need it.")))
                .build();
    }

    /**
     * /actuator/** other than health and info, when asked on the port the API is served on. With
     * {@code management.server.port} set apart (as docker-compose.yml does), that port is not published.
     */
    private static ServerWebExchangeMatcher publicActuator(org.springframework.core.env.Environment environment) {
        String serverPort = environment.getProperty("server.port", "8080");
        String configured = environment.getProperty("management.server.port", "");
        String managementPort = configured.isBlank() ? serverPort : configured;
        ServerWebExchangeMatcher actuator = ServerWebExchangeMatchers.pathMatchers("/actuator/**");
        return exchange -> actuator.matches(exchange).flatMap(match -> {
            var local = exchange.getRequest().getLocalAddress();
            boolean onManagementPort = !managementPort.equals(serverPort) && local != null
                    && managementPort.equals(String.valueOf(local.getPort()));
            return match.isMatch() && !onManagementPort ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        });
    }

    /**
     * On a server Keycloak answers plain HTTP on the internal network only when a trusted proxy says
     * the request came over HTTPS; the gateway's key fetches say so ({@code commonhold.security.jwk-set-forwarded-proto},
     * docker-compose.yml), as the services' do (platform/security KeyFetches).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("commonhold.security.jwk-set-forwarded-proto")
    org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer keyFetches(
            org.springframework.core.env.Environment environment) {
        String proto = environment.getRequiredProperty("commonhold.security.jwk-set-forwarded-proto");
        return builder -> builder.webClient(org.springframework.web.reactive.function.client.WebClient.builder()
                .defaultHeader("X-Forwarded-Proto", proto).build());
    }

    /** A bearer token sent again is not verified again until it expires (VerifiedTokens, platform/security). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor cachingJwtDecoder() {
        return CachingReactiveJwtDecoder.wrapper();
    }

    /** What Spring Security's firewall refuses (an unknown method, a control character in a header) is problem+json too. */
    @Bean
    ServerExchangeRejectedHandler firewallRefusals() {
        return (exchange, refused) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "Request refused",
                "The request was refused before anything read it: " + refused.getMessage()
                        + ". Send a standard method (GET, POST, PUT, PATCH, DELETE) and printable header values.");
    }
}
