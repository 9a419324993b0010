package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.kafka.EmbeddedKafkaServer;
import dev.commonhold.platform.testkit.keycloak.EmbeddedKeycloakServer;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
        if (List.of(args).contains("--fresh")) {
            freshData(data);
        }
        Path logs = Files.createDirectories(data.resolve("logs"));
        Ports ports = Ports.fromEnvironment();
        Progress progress = new Progress();
        Leftovers.runningStack(repository).ifPresent(pid -> {
            System.err.printf("Commonhold is already running from this folder (pid %d). Use it, or stop it with Ctrl-C in its terminal.%n", pid);
            System.exit(1);
        });
        Leftovers.stop(repository, progress);
        requireFree(ports);
        List<AutoCloseable> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, progress), "devstack-stop"));

        progress.say("starting PostgreSQL on " + ports.postgres());
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(data.resolve("postgres"), ports.postgres(), logs.resolve("postgres.log"));
        running.add(postgres);
        progress.say("starting Kafka on " + ports.kafka());
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.persistent(data.resolve("kafka"), ports.kafka(), ports.kafkaController());
        running.add(kafka);
        progress.say("starting Keycloak on " + ports.keycloak() + (Files.exists(data.resolve("keycloak")) ? "" : " (first start unpacks and builds it: about a minute)"));
        CompletableFuture<EmbeddedKeycloakServer> keycloak = CompletableFuture.supplyAsync(() ->
                EmbeddedKeycloakServer.persistent(data.resolve("keycloak"), ports.keycloak(), logs.resolve("keycloak.log")));
        progress.say("starting services and gateway (logs in .devstack/logs/)");
        running.add(() -> keycloak.thenAccept(EmbeddedKeycloakServer::close).join());
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

    /** Services first (they drain work into the database and Kafka), then Keycloak, Kafka, PostgreSQL. */
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
     * distribution (its one-time build takes a minute); its database goes, and the realm is imported again.
     */
    private static void freshData(Path data) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            for (Path entry : entries.toList()) {
                deleteRecursively(entry.getFileName().toString().equals("keycloak") ? entry.resolve("data") : entry);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
