package dev.commonhold.platform.testkit.keycloak;

import dev.commonhold.platform.testkit.Directories;
import dev.commonhold.platform.testkit.Ports;

import java.nio.file.Path;

/** {@link RestartableKeycloak} as a child process on a copy of the shared home, its data in an H2 file there. */
public final class EmbeddedRestartableKeycloak implements RestartableKeycloak {

    private final Path home;
    private final int port;
    private final Path log;
    private EmbeddedKeycloakServer running;

    public EmbeddedRestartableKeycloak(Path sharedHome, Path home, Path log) {
        EmbeddedKeycloakServer.copyHome(KeycloakDistribution.unpackTo(sharedHome), home, true);
        this.home = home;
        this.port = Ports.free();
        this.log = log;
        start();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = EmbeddedKeycloakServer.persistent(home, port, log);
        }
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Stops it and removes its copy of the home (a few hundred MB), which only this test used. */
    @Override
    public void close() {
        stop();
        try {
            Directories.deleteRecursively(home);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover copy in the temp folder costs disk, not correctness
        }
    }
}
