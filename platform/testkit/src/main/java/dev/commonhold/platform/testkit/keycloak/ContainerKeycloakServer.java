package dev.commonhold.platform.testkit.keycloak;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;

/** Keycloak in a container with the realm imported, when a Docker engine is present. */
public final class ContainerKeycloakServer implements KeycloakServer {

    private final GenericContainer<?> container;

    @SuppressWarnings("resource")
    public ContainerKeycloakServer() {
        container = new GenericContainer<>("quay.io/keycloak/keycloak:" + KeycloakDistribution.VERSION)
                .withCommand("start-dev", "--import-realm")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .withCopyFileToContainer(MountableFile.forHostPath(RealmFile.locate()), "/opt/keycloak/data/import/commonhold-realm.json")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration")
                        .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4)));
        container.start();
    }

    @Override
    public String baseUrl() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(8080);
    }

    @Override
    public void close() {
        container.stop();
    }
}
