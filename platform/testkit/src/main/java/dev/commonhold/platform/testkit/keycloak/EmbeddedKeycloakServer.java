package dev.commonhold.platform.testkit.keycloak;

import dev.commonhold.platform.testkit.Directories;
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
    private final String baseUrl;
    private final String internalUrl;
    private final HttpClient http;

    private EmbeddedKeycloakServer(Process process, String baseUrl, String internalUrl, HttpClient http) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.internalUrl = internalUrl;
        this.http = http;
    }

    /** Throwaway Keycloak for tests: in-memory database, realm imported fresh every start. */
    public static EmbeddedKeycloakServer forTests(Path home, Path log) {
        return start(home, Ports.free(), "dev-mem", log);
    }

    /** Long-lived Keycloak for the local stack: data kept in the home's H2 file. */
    public static EmbeddedKeycloakServer persistent(Path home, int port, Path log) {
        return start(home, port, "dev-file", log);
    }

    /**
     * A Keycloak run in a copy of {@code demoHome} with no data, at the lowest CPU priority, importing
     * the realm into its own H2 file: the local stack keeps that database as the start of its fresh
     * starts (Liquibase creating Keycloak's tables and the realm import are the longest part of its start).
     */
    public static EmbeddedKeycloakServer inBackgroundCopy(Path demoHome, Path home, Path log) {
        copyHome(KeycloakDistribution.unpackTo(demoHome), home, true);
        int port = Ports.free();
        return start(home, "http://localhost:" + port, "http://localhost:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                List.of("--http-port=" + port), RealmFile.locate(), Map.of(), "dev-file", log, true);
    }

    /**
     * Throwaway Keycloak with the production realm (infra/keycloak/production) and its test-only
     * secrets in the environment, as docker-compose.yml passes them; HTTPS only. Runs from its own
     * home, copied from {@code demoHome} (so Quarkus' build is reused when that one has run).
     */
    public static EmbeddedKeycloakServer forProductionRealm(Path demoHome, Path home, ProductionRealm realm, Path log) {
        copyHome(KeycloakDistribution.unpackTo(demoHome), home);
        try {
            Path denylists = Files.createDirectories(home.resolve("data/password-blacklists"));
            Files.copy(realm.denylist(), denylists.resolve(ProductionRealm.denylistName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = Ports.free();
        int internal = Ports.free();
        // As docker-compose.yml runs it: HTTP on the internal network, where only the trusted proxies' word makes a request HTTPS.
        List<String> arguments = List.of("--http-enabled=true", "--http-port=" + internal, "--https-port=" + port,
                "--proxy-headers=xforwarded", "--proxy-trusted-addresses=127.0.0.1,::1",
                "--https-key-store-file=" + realm.tls().keyStore(), "--https-key-store-password=" + dev.commonhold.platform.testkit.tls.SelfSigned.PASSWORD);
        HttpClient trusting = HttpClient.newBuilder().sslContext(realm.tls().trustingContext()).connectTimeout(Duration.ofSeconds(2)).build();
        return start(home, "https://localhost:" + port, "http://localhost:" + internal, trusting, arguments, realm.realmFile(),
                realm.environment(), "dev-mem", log, false);
    }

    private static EmbeddedKeycloakServer start(Path home, int port, String database, Path log) {
        KeycloakDistribution.unpackTo(home);
        return start(home, "http://localhost:" + port, "http://localhost:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                List.of("--http-port=" + port), RealmFile.locate(), Map.of(), database, log, false);
    }

    private static EmbeddedKeycloakServer start(Path home, String baseUrl, String internalUrl, HttpClient http, List<String> listeners, Path realm,
                                                Map<String, String> environment, String database, Path log, boolean lowPriority) {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve("commonhold-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new java.util.ArrayList<>(lowPriority ? List.of("nice", "-n", "19") : List.of());
            command.addAll(List.of(home.resolve("bin/kc.sh").toString(), "start-dev"));
            command.addAll(listeners);
            command.addAll(List.of("--http-management-port=" + Ports.free(), "--import-realm"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_DB", database);
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.putAll(environment);
            EmbeddedKeycloakServer server = new EmbeddedKeycloakServer(builder.start(), baseUrl, internalUrl, http);
            server.awaitRealm(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start; see " + log, e);
        }
    }

    /** A second home beside the first, without its data: {@code cp -a} keeps Quarkus' build, so the copy starts as fast. */
    private static void copyHome(Path from, Path to) {
        copyHome(from, to, false);
    }

    /** @param fresh drop a copy made before (and its data) and copy again */
    static void copyHome(Path from, Path to, boolean fresh) {
        if (fresh) {
            try {
                Directories.deleteRecursively(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Files.isExecutable(to.resolve("bin/kc.sh"))) {
            return;
        }
        try {
            Path staging = Files.createTempDirectory(to.toAbsolutePath().getParent(), "keycloak-copy");
            Process copy = new ProcessBuilder("cp", "-a", from + "/.", staging.toString()).inheritIO().start();
            if (!copy.waitFor(5, TimeUnit.MINUTES) || copy.exitValue() != 0) {
                throw new IOException("could not copy " + from + " to " + staging);
            }
            Directories.deleteRecursively(staging.resolve("data")); // a home no Keycloak has run in yet (a fresh machine) has none
            Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The kc.sh process; Keycloak's JVM is its child. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String internalUrl() {
        return internalUrl;
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
