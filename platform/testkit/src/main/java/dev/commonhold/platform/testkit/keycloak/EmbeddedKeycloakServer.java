package dev.commonhold.platform.testkit.keycloak;

import dev.commonhold.platform.testkit.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its Maven distribution as a child process ({@code kc.sh start-dev}) with the
 * realm from infra/keycloak imported. The first start in a home runs Quarkus' one-time build
 * (~40 s); later starts take ~7 s.
 */
public final class EmbeddedKeycloakServer implements KeycloakServer {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;

    private EmbeddedKeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Throwaway Keycloak for tests: in-memory database, realm imported fresh every start. */
    public static EmbeddedKeycloakServer forTests(Path home, Path log) {
        return start(home, Ports.free(), "dev-mem", log);
    }

    /** Long-lived Keycloak for the local stack: data kept in the home's H2 file. */
    public static EmbeddedKeycloakServer persistent(Path home, int port, Path log) {
        return start(home, port, "dev-file", log);
    }

    private static EmbeddedKeycloakServer start(Path home, int port, String database, Path log) {
        KeycloakDistribution.unpackTo(home);
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(RealmFile.locate(), imports.resolve("commonhold-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + Ports.free(), "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_DB", database);
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            EmbeddedKeycloakServer server = new EmbeddedKeycloakServer(builder.start(), port);
            server.awaitRealm(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start; see " + log, e);
        }
    }

    /** The kc.sh process; Keycloak's JVM is its child. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        // kc.sh forwards TERM to its Java child; kill the children too in case the script is gone.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitRealm(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_LIMIT + "; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
