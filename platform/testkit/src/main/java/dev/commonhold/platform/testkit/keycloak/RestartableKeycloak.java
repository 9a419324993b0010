package dev.commonhold.platform.testkit.keycloak;

/**
 * A Keycloak of one test's own that can be stopped and started again at the same address with its
 * data kept (users, their attributes, the realm's keys): for showing what happens to the system
 * while Keycloak is down.
 */
public interface RestartableKeycloak extends KeycloakServer {

    /** Stops Keycloak; its port refuses connections until {@link #start()}. */
    void stop();

    /** Starts it again at the same address and waits until the realm answers. */
    void start();
}
