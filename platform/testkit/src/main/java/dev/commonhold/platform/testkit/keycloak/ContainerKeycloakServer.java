package dev.commonhold.platform.testkit.keycloak;

import dev.commonhold.platform.testkit.tls.SelfSigned;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;

/** Keycloak in a container with the realm imported, when a Docker engine is present. */
public final class ContainerKeycloakServer implements KeycloakServer {

    private static final String IMAGE = "quay.io/keycloak/keycloak:" + KeycloakDistribution.VERSION;
    private static final String IMPORT = "/opt/keycloak/data/import/commonhold-realm.json";

    private final GenericContainer<?> container;
    private final String scheme;
    private final int port;

    @SuppressWarnings("resource")
    public ContainerKeycloakServer() {
        this(new GenericContainer<>(IMAGE)
                .withCommand("start-dev", "--import-realm")
                .withCopyFileToContainer(MountableFile.forHostPath(RealmFile.locate()), IMPORT)
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration")
                        .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4))), "http", 8080);
    }

    private ContainerKeycloakServer(GenericContainer<?> container, String scheme, int port) {
        this.container = container.withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME).withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        this.scheme = scheme;
        this.port = port;
        container.start();
    }

    /** The production realm with its test-only secrets in the environment, HTTPS only (see {@link ProductionRealm}). */
    @SuppressWarnings("resource")
    public static ContainerKeycloakServer withProductionRealm(ProductionRealm realm) {
        return new ContainerKeycloakServer(new GenericContainer<>(IMAGE)
                .withCommand("start-dev", "--import-realm", "--http-enabled=true", "--https-port=8443", "--proxy-headers=xforwarded",
                        "--https-key-store-file=/opt/keycloak/conf/tls.p12", "--https-key-store-password=" + SelfSigned.PASSWORD)
                .withEnv(realm.environment())
                .withCopyFileToContainer(MountableFile.forHostPath(realm.realmFile()), IMPORT)
                .withCopyFileToContainer(MountableFile.forHostPath(realm.tls().keyStore()), "/opt/keycloak/conf/tls.p12")
                .withCopyFileToContainer(MountableFile.forHostPath(realm.denylist()),
                        "/opt/keycloak/data/password-blacklists/" + ProductionRealm.denylistName())
                .withExposedPorts(8443, 8080)
                .waitingFor(Wait.forHttps("/realms/" + REALM + "/.well-known/openid-configuration").allowInsecure()
                        .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4))), "https", 8443);
    }

    @Override
    public String baseUrl() {
        return scheme + "://" + container.getHost() + ":" + container.getMappedPort(port);
    }

    @Override
    public String internalUrl() {
        return scheme.equals("https") ? "http://" + container.getHost() + ":" + container.getMappedPort(8080) : baseUrl();
    }

    @Override
    public void close() {
        container.stop();
    }
}
