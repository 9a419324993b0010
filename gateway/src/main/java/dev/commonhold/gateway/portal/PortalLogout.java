package dev.commonhold.gateway.portal;

import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;

/**
 * Signing out of the portal ends the gateway's session and then the Keycloak session too
 * (OpenID Connect RP-initiated logout, with the ID token as hint), so the next person at a shared
 * counter computer is asked for a password again; Keycloak sends the browser back to the portal.
 */
public final class PortalLogout {

    private PortalLogout() {
    }

    public static ServerLogoutSuccessHandler endingTheKeycloakSession(ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/portal/");
        return handler;
    }
}
