package dev.commonhold.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * After the stack is up, builds what makes the next start faster and is missing (after a new build,
 * a new realm, or on a new machine), one thing at a time at the lowest CPU priority: each service's
 * AOT cache (see {@link UnpackedJar}; 15–20 s each) and Keycloak's database template (see
 * {@link KeycloakTemplate}; about a minute). The ten JVMs of a stack starting together on two cores
 * wait for the sum of their work, so every CPU-second taken off a start counts.
 */
final class StartupCaches implements AutoCloseable {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    private final List<Services.Spec> specs;
    private final Path logs;
    private final KeycloakTemplate keycloak;
    private final Progress progress;
    private final Thread thread;
    private volatile Process current;
    private volatile boolean closed;

    private StartupCaches(List<Services.Spec> specs, Path logs, KeycloakTemplate keycloak, Progress progress) {
        this.specs = specs;
        this.logs = logs;
        this.keycloak = keycloak;
        this.progress = progress;
        this.thread = Thread.ofPlatform().daemon().name("startup-caches").unstarted(this::buildMissing);
    }

    static StartupCaches buildMissing(List<Services.Spec> specs, Path logs, KeycloakTemplate keycloak, Progress progress) {
        StartupCaches caches = new StartupCaches(specs, logs, keycloak, progress);
        caches.thread.start();
        return caches;
    }

    private void buildMissing() {
        long started = System.nanoTime();
        int built = 0;
        for (Services.Spec spec : specs) {
            if (closed) {
                return;
            }
            built += train(spec) ? 1 : 0;
        }
        if (!closed && !keycloak.fits()) {
            try {
                keycloak.build(logs);
                built++;
            } catch (Exception e) {
                if (!closed) {
                    progress.say("could not build Keycloak's database template (see " + logs.resolve("keycloak-template.log") + "): " + e.getMessage());
                }
            }
        }
        if (built > 0 && !closed) {
            progress.say("start-up caches built for the next start (%d, in %d s; .devstack/jars, .devstack/keycloak-template)".formatted(built,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
        }
    }

    private boolean train(Services.Spec spec) {
        try {
            Optional<Process> run = ServiceProcess.trainAotCache(spec, logs);
            if (run.isEmpty()) {
                return false;
            }
            current = run.get();
            if (!current.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor();
            }
            if (closed) {
                return false;
            }
            if (ServiceProcess.keepAotCache(spec, logs, current)) {
                return true;
            }
            progress.say("could not build the start-up cache of %s (see %s); it starts without one".formatted(spec.name(),
                    logs.resolve(spec.name() + "-aot-training.log")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            progress.say("could not build the start-up cache of " + spec.name() + ": " + e.getMessage());
        }
        return false;
    }

    /** Stops what is being built (a half-built cache or template is never used). */
    @Override
    public void close() {
        closed = true;
        Process running = current;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
        keycloak.stopBuild();
        thread.interrupt();
    }
}
