package dev.commonhold.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, logging to its own file, with its readiness and memory observable. */
final class ServiceProcess implements AutoCloseable {

    /**
     * Small heaps: a whole suite must fit on a 2-core laptop next to Keycloak and Kafka. Only the
     * quick JIT tier: on two cores the optimising compiler's threads at start-up compete with
     * Keycloak, which is the longest start and what the demo waits for; a local stack does not
     * need peak throughput. bench/ sets {@value #FULL_JIT} to measure fully compiled services.
     */
    static final String FULL_JIT = "commonhold.devstack.fullJit";
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Services.Spec spec;
    private final Path log;
    private final Process process;

    private ServiceProcess(Services.Spec spec, Path log, Process process) {
        this.spec = spec;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(Services.Spec spec, Path logs) {
        Path log = logs.resolve(spec.name() + ".log");
        UnpackedJar unpacked = unpacked(spec, logs);
        List<String> command = command(unpacked, unpacked.jvmOptions());
        // e.g. -Dcommonhold.devstack.jvmOptions="-XX:StartFlightRecording=filename=/tmp/svc.jfr" to profile the services of a bench run
        String extra = System.getProperty("commonhold.devstack.jvmOptions", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(command.size() - 2, List.of(extra.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(spec.environment());
        try {
            return new ServiceProcess(spec, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.name(), e);
        }
    }

    /**
     * Builds the service's AOT cache for its next start (none is built while one exists): the service
     * starts as it would but stops once its beans exist ({@code spring.context.exit=onRefresh}: no port
     * bound, no consumer, no schedule started, so it can run beside the running service), and the JVM
     * writes what it loaded and linked as it exits. At the lowest CPU priority, so the stack stays responsive.
     *
     * @return the training run, or empty when the cache exists
     */
    static Optional<Process> trainAotCache(Services.Spec spec, Path logs) {
        UnpackedJar unpacked = unpacked(spec, logs);
        if (unpacked.hasAotCache()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of("nice", "-n", "19"));
        command.addAll(command(unpacked, List.of("-XX:AOTCacheOutput=" + unpacked.aotCacheInTraining(), "-Dspring.context.exit=onRefresh")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(spec.name() + "-aot-training.log").toFile()));
        builder.environment().putAll(spec.environment());
        try {
            return Optional.of(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a training run of " + spec.name(), e);
        }
    }

    /** Keeps the cache a training run of {@link #trainAotCache} wrote, if it ended well. */
    static boolean keepAotCache(Services.Spec spec, Path logs, Process training) {
        return training.exitValue() == 0 && unpacked(spec, logs).acceptTrainedCache();
    }

    private static UnpackedJar unpacked(Services.Spec spec, Path logs) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException(spec.jar() + " is missing: build first with ./mvnw -DskipTests install (./run.sh does it)");
        }
        return UnpackedJar.of(spec.name(), spec.jar(), logs.toAbsolutePath().resolveSibling("jars"));
    }

    private static List<String> command(UnpackedJar unpacked, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(UnpackedJar.java());
        command.addAll(JVM_OPTIONS);
        if (!Boolean.getBoolean(FULL_JIT)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(options);
        command.addAll(List.of("-jar", unpacked.jar().toString()));
        return command;
    }

    String name() {
        return spec.name();
    }

    Services.Spec spec() {
        return spec;
    }

    /** SIGKILL: no shutdown hook, no graceful drain — what a crash or the OOM killer does. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://localhost:" + spec.port();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the service says it is ready for traffic; fails early, with its last log lines, if it dies. */
    void awaitReady(Duration limit) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("%s stopped during start-up (exit %d). Last lines of %s:%n%s"
                        .formatted(spec.name(), process.exitValue(), log, tail()));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + limit + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
