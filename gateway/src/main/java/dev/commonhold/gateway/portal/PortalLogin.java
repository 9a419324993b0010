package dev.commonhold.gateway.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.Map;

/**
 * The portal signs people in at Keycloak with the authorization code flow and PKCE, as the
 * {@code commonhold-gateway} client (infra/keycloak). The gateway keeps the tokens in the
 * person's server-side session and relays the access token to the services (SessionTokenRelay);
 * the browser holds only an HttpOnly session cookie (the backend-for-frontend pattern).
 *
 * <p>The browser is sent to the public issuer ({@code OIDC_ISSUER_URI}); the gateway itself
 * fetches tokens and keys from {@code commonhold.portal.keycloak-url} when a server sets an
 * internal address, saying the request came over HTTPS as the service's key fetches do.
 */
@Configuration(proxyBeanMethods = false)
public class PortalLogin {

    /** The registration id: /oauth2/authorization/portal starts a sign-in. */
    public static final String REGISTRATION = "portal";

    @Bean
    ReactiveClientRegistrationRepository portalRegistration(Environment environment) {
        String issuer = environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        String backChannel = backChannelBase(environment, issuer);
        return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(environment.getProperty("commonhold.portal.client-id", "commonhold-gateway"))
                .clientSecret(environment.getProperty("commonhold.portal.client-secret", "gateway-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(backChannel + "/protocol/openid-connect/token")
                .jwkSetUri(backChannel + "/protocol/openid-connect/certs")
                .issuerUri(issuer)
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build());
    }

    /** The realm's address as the gateway reaches it: internal on a server, the issuer itself locally. */
    private static String backChannelBase(Environment environment, String issuer) {
        String internal = environment.getProperty("commonhold.portal.keycloak-url", "");
        if (internal.isBlank()) {
            return issuer;
        }
        return internal.replaceAll("/+$", "") + java.net.URI.create(issuer).getPath();
    }

    /** Token and key requests from the gateway to Keycloak. */
    @Bean
    WebClient keycloakBackChannel(Environment environment) {
        WebClient.Builder builder = WebClient.builder();
        String proto = environment.getProperty("commonhold.security.jwk-set-forwarded-proto", "");
        if (!proto.isBlank()) {
            builder.defaultHeader("X-Forwarded-Proto", proto);
        }
        return builder.build();
    }

    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> portalCodeExchange(WebClient keycloakBackChannel) {
        WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(keycloakBackChannel);
        return client;
    }

    /** Checks the ID token Keycloak returns (signature, issuer, audience, nonce, expiry), keys fetched over the back channel. */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> portalIdTokens(WebClient keycloakBackChannel) {
        return registration -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .webClient(keycloakBackChannel).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(new ClaimTypeConverter(ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
            return decoder;
        };
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository portalTokens() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token, refreshing it at Keycloak when it is about to expire. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager portalTokenManager(ReactiveClientRegistrationRepository registrations,
                                                             ServerOAuth2AuthorizedClientRepository portalTokens,
                                                             WebClient keycloakBackChannel,
                                                             @Value("${commonhold.portal.refresh-skew:30s}") java.time.Duration skew) {
        WebClientReactiveRefreshTokenTokenResponseClient refreshes = new WebClientReactiveRefreshTokenTokenResponseClient();
        refreshes.setWebClient(keycloakBackChannel);
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, portalTokens);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(r -> r.accessTokenResponseClient(refreshes).clockSkew(skew))
                .build());
        return manager;
    }
}
