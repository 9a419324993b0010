package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.postgres.PostgresServer;
import dev.commonhold.simulator.ChannelSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every service and the gateway as separate processes against the given infrastructure; started
 * together (they do not need each other to boot) and stopped in reverse. Used by ./run.sh and by
 * the end-to-end tests, so the tests exercise exactly what a user runs.
 */
public final class Stack implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofMinutes(3);

    private final List<ServiceProcess> services;
    private final String gatewayUrl;
    private final Path logs;
    private ChannelSimulator simulator;

    private Stack(List<ServiceProcess> services, String gatewayUrl, Path logs) {
        this.services = services;
        this.gatewayUrl = gatewayUrl;
        this.logs = logs;
    }

    /** @param simulatorPort where the payment-channel simulator listens (billing is told it before it starts) */
    public record Settings(Path repository, Path logs, String database, int gatewayPort, int simulatorPort, Map<String, Integer> servicePorts) {
    }

    public static Stack start(PostgresServer postgres, String kafkaBootstrap, String issuerUri, Settings settings) {
        Channels channels = new Channels();
        List<Services.Spec> specs = Services.all(settings.repository(), new Services.Infrastructure(
                postgres.jdbcUrl(settings.database()), kafkaBootstrap, issuerUri), settings.gatewayPort(), settings.servicePorts(),
                channels.billingEnvironment(settings.simulatorPort()));
        Databases.prepare(postgres, settings.database(), specs);
        createDirectories(settings.logs());
        List<ServiceProcess> started = new ArrayList<>();
        Stack stack = new Stack(started, "http://localhost:" + settings.gatewayPort(), settings.logs());
        try {
            specs.forEach(spec -> started.add(ServiceProcess.start(spec, settings.logs())));
            CompletableFuture.allOf(started.stream().map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY_LIMIT)))
                    .toArray(CompletableFuture[]::new)).join();
            stack.simulator = channels.simulator(stack.serviceUrl("billing"), settings.simulatorPort());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public ChannelSimulator simulator() {
        return simulator;
    }

    /** The payment-channel simulator: {@code POST /wechat-pay/pay?outTradeNo=…&amountFen=…&times=3} pays an order. */
    public String simulatorUrl() {
        return "http://localhost:" + simulator.port();
    }

    /** The direct address of a service, bypassing the gateway (tests of defence in depth). */
    public String serviceUrl(String name) {
        return service(name).url();
    }

    /** Builds, in the background, what the next start of ./run.sh needs to be faster and is missing. */
    StartupCaches buildStartupCaches(KeycloakTemplate keycloak, Progress progress) {
        return StartupCaches.buildMissing(services.stream().map(ServiceProcess::spec).toList(), logs, keycloak, progress);
    }

    /** Adds each service's process to a memory report. */
    void addTo(Memory memory) {
        services.forEach(s -> memory.add(s.name(), ProcessHandle.of(s.pid()).orElseThrow()));
    }

    ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Stops all services at once (each drains its own work), so stopping takes as long as the slowest. */
    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        CompletableFuture.allOf(services.stream().map(s -> CompletableFuture.runAsync(s::close)).toArray(CompletableFuture[]::new)).join();
    }

    /** The process id of one service (for its memory, in bench/). */
    public long pid(String name) {
        return service(name).pid();
    }

    public List<Long> pids() {
        return services.stream().map(ServiceProcess::pid).toList();
    }

    private static void createDirectories(Path logs) {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
