package dev.commonhold.platform.testkit;

import dev.commonhold.platform.testkit.kafka.ContainerKafkaServer;
import dev.commonhold.platform.testkit.kafka.EmbeddedKafkaServer;
import dev.commonhold.platform.testkit.kafka.KafkaServer;
import dev.commonhold.platform.testkit.keycloak.ContainerKeycloakServer;
import dev.commonhold.platform.testkit.keycloak.ContainerRestartableKeycloak;
import dev.commonhold.platform.testkit.keycloak.EmbeddedRestartableKeycloak;
import dev.commonhold.platform.testkit.keycloak.EmbeddedKeycloakServer;
import dev.commonhold.platform.testkit.keycloak.KeycloakDistribution;
import dev.commonhold.platform.testkit.keycloak.KeycloakServer;
import dev.commonhold.platform.testkit.keycloak.RestartableKeycloak;
import dev.commonhold.platform.testkit.postgres.ContainerPostgresServer;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The real infrastructure for tests, started once per JVM on first use and stopped when the
 * JVM exits: Testcontainers when a Docker engine is present, otherwise embedded servers. Test
 * code is the same either way. {@code -Dcommonhold.infra=embedded|containers} overrides the choice.
 */
public final class Infra {

    private static final Logger log = LoggerFactory.getLogger(Infra.class);
    private static final Deque<AutoCloseable> started = new ArrayDeque<>();
    private static final boolean containers = chooseContainers();

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static KeycloakServer keycloak;
    private static TestTokens tokens;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Infra::stopAll, "infra-shutdown"));
    }

    private Infra() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = track(containers ? new ContainerPostgresServer() : EmbeddedPostgresServer.forTests());
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = track(containers ? new ContainerKafkaServer() : EmbeddedKafkaServer.forTests());
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            Path home = Path.of(System.getProperty("java.io.tmpdir"), "commonhold-keycloak-" + KeycloakDistribution.VERSION);
            keycloak = track(containers ? new ContainerKeycloakServer()
                    : EmbeddedKeycloakServer.forTests(home, Path.of("target", "keycloak.log")));
        }
        return keycloak;
    }

    /**
     * A Keycloak of its own with the production realm and the given test-only secrets, HTTPS only;
     * the caller closes it. Embedded from a copy of the shared Keycloak home, or a container.
     */
    public static KeycloakServer productionKeycloak(dev.commonhold.platform.testkit.keycloak.ProductionRealm realm) {
        if (containers) {
            return dev.commonhold.platform.testkit.keycloak.ContainerKeycloakServer.withProductionRealm(realm);
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return EmbeddedKeycloakServer.forProductionRealm(tmp.resolve("commonhold-keycloak-" + KeycloakDistribution.VERSION),
                tmp.resolve("commonhold-keycloak-" + KeycloakDistribution.VERSION + "-production"), realm, Path.of("target", "keycloak-production.log"));
    }

    /**
     * A Keycloak with the demo realm of the caller's own, that it may stop and start again (data
     * kept, same address); the caller closes it. Embedded from a copy of the shared home, or a container.
     */
    public static RestartableKeycloak restartableKeycloak() {
        if (containers) {
            return new ContainerRestartableKeycloak();
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return new EmbeddedRestartableKeycloak(tmp.resolve("commonhold-keycloak-" + KeycloakDistribution.VERSION),
                tmp.resolve("commonhold-keycloak-" + KeycloakDistribution.VERSION + "-restartable-" + ProcessHandle.current().pid()),
                Path.of("target", "keycloak-restartable.log"));
    }

    /** A real OIDC server minting Keycloak-shaped tokens, for one service's own tests. */
    public static synchronized TestTokens tokens() {
        if (tokens == null) {
            tokens = track(new TestTokens());
        }
        return tokens;
    }

    public static boolean usesContainers() {
        return containers;
    }

    private static <T extends AutoCloseable> T track(T server) {
        started.push(server);
        log.info("test infrastructure started: {} ({})", server.getClass().getSimpleName(), containers ? "containers" : "embedded");
        return server;
    }

    private static void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("could not stop test infrastructure cleanly", e);
            }
        }
    }

    private static boolean chooseContainers() {
        String choice = System.getProperty("commonhold.infra", "auto");
        if (!choice.equals("auto")) {
            return choice.equals("containers");
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
