package dev.commonhold.platform.testkit.keycloak;

/** A running Keycloak with the Commonhold realm imported, embedded or in a container. */
public interface KeycloakServer extends AutoCloseable {

    String REALM = "commonhold";
    String ADMIN_USERNAME = "admin";
    String ADMIN_PASSWORD = "admin";

    /** e.g. http://localhost:8180 */
    String baseUrl();

    /**
     * Where the services on the same network reach it; for the production realm, its plain-HTTP
     * port (kept off the public side), otherwise the same as {@link #baseUrl()}.
     */
    default String internalUrl() {
        return baseUrl();
    }

    default String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    default KeycloakClient client() {
        return new KeycloakClient(baseUrl(), REALM);
    }

    @Override
    void close();
}
