package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Directories;
import dev.commonhold.platform.testkit.kafka.EmbeddedKafkaServer;
import dev.commonhold.platform.testkit.keycloak.EmbeddedKeycloakServer;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code ./run.sh}: the whole suite on one machine without Docker. Embedded PostgreSQL and Kafka,
 * Keycloak from its distribution, each service and the gateway as its own process, a demo
 * community; data in .devstack/ survives restarts. Ctrl-C stops everything.
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = RepoRoot.locate();
        Path data = repository.resolve(".devstack");
        // Before anything is touched: a second ./run.sh (or ./run.sh --fresh) must not stop or empty a stack in use.
        Leftovers.runningStack(repository).ifPresent(pid -> {
            System.err.printf("Commonhold is already running from this folder (pid %d). Use it, or stop it with Ctrl-C in its terminal.%n", pid);
            System.exit(1);
        });
        if (List.of(args).contains("--fresh")) {
            freshData(data);
        }
        Path logs = Files.createDirectories(data.resolve("logs"));
        Ports ports = Ports.fromEnvironment();
        Progress progress = new Progress();
        Leftovers.stop(repository, progress);
        requireFree(ports);
        List<AutoCloseable> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, progress), "devstack-stop"));

        // Keycloak first: it needs neither PostgreSQL nor Kafka, and its start is the longest, which the demo seed waits for.
        KeycloakTemplate keycloakTemplate = new KeycloakTemplate(data);
        boolean fromTemplate = keycloakTemplate.restoreIfFresh();
        progress.say("starting Keycloak on " + ports.keycloak() + (Files.exists(data.resolve("keycloak")) ? "" : " (first start unpacks and builds it: about a minute)")
                + (fromTemplate ? " (its database from .devstack/keycloak-template)" : ""));
        CompletableFuture<EmbeddedKeycloakServer> keycloak = CompletableFuture.supplyAsync(() ->
                EmbeddedKeycloakServer.persistent(data.resolve("keycloak"), ports.keycloak(), logs.resolve("keycloak.log")));
        running.add(() -> keycloak.thenAccept(EmbeddedKeycloakServer::close).join());
        progress.say("starting PostgreSQL on " + ports.postgres() + " and Kafka on " + ports.kafka());
        CompletableFuture<EmbeddedPostgresServer> database = CompletableFuture.supplyAsync(() ->
                EmbeddedPostgresServer.persistent(data.resolve("postgres"), ports.postgres(), logs.resolve("postgres.log")));
        running.add(() -> database.thenAccept(EmbeddedPostgresServer::close).join());
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.persistent(data.resolve("kafka"), ports.kafka(), ports.kafkaController());
        running.add(kafka);
        EmbeddedPostgresServer postgres = database.join();
        progress.say("starting services and gateway (logs in .devstack/logs/)");
        Stack stack = Stack.start(postgres, kafka.bootstrapServers(), "http://localhost:" + ports.keycloak() + "/realms/commonhold",
                new Stack.Settings(repository, logs, Databases.DATABASE, ports.gateway(), ports.channelSimulator(), ports.services()));
        running.add(stack);
        progress.say("services ready; waiting for Keycloak");
        EmbeddedKeycloakServer identity = keycloak.join();
        progress.say("Keycloak ready; seeding the demo community");
        String community = new DemoSeed(stack.gatewayUrl(), identity.client(), progress).seed();

        Memory memory = new Memory().addAlone("devstack (with Kafka)", ProcessHandle.current())
                .add("PostgreSQL", Memory.postgres(data.resolve("postgres"))).add("Keycloak", identity.process());
        stack.addTo(memory);
        System.out.println(Banner.text(ports, community, progress.elapsed(), memory.report()));
        running.add(stack.buildStartupCaches(keycloakTemplate, progress));
        Thread.currentThread().join();
    }

    private static void requireFree(Ports ports) {
        List<Integer> all = new ArrayList<>(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.keycloak(), ports.gateway(),
                ports.channelSimulator()));
        all.addAll(ports.services().values());
        for (int port : all) {
            try (ServerSocket probe = new ServerSocket(port)) {
                probe.setReuseAddress(true);
            } catch (IOException busy) {
                System.err.printf("Port %d is already in use. Is Commonhold already running? Stop it with Ctrl-C in its terminal,%n"
                        + "or choose other ports, e.g. COMMONHOLD_GATEWAY_PORT=9080 ./run.sh%n", port);
                System.exit(1);
            }
        }
    }

    /** Services first (they drain work into the database and Kafka), then Kafka, PostgreSQL and Keycloak: the reverse of the start. */
    private static void stop(List<AutoCloseable> running, Progress progress) {
        progress.say("stopping Commonhold…");
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop cleanly: " + e.getMessage());
            }
        }
        progress.say("stopped; data kept in .devstack/");
    }

    /**
     * Empty data, not a new installation: everything goes but Keycloak's unpacked and built
     * distribution (its one-time build takes a minute; its database goes, and the realm is imported
     * again, or its template is copied in: {@link KeycloakTemplate}) and the services' unpacked jars with their
     * start-up caches (jars/, see {@link UnpackedJar}).
     */
    private static void freshData(Path data) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals("jars") && !name.equals("keycloak-template")) {
                    Directories.deleteRecursively(name.equals("keycloak") ? entry.resolve("data") : entry);
                }
            }
        }
    }
}
