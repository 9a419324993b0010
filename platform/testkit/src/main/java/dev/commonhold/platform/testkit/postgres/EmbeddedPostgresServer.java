package dev.commonhold.platform.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** PostgreSQL 17 from the zonky binaries on Maven Central, as a child process. No Docker needed. */
public final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Throwaway server for tests: random port, fresh data, durability traded for speed. */
    public static EmbeddedPostgresServer forTests() {
        return start(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300"));
    }

    /** Long-lived server for the local stack: fixed port, data kept between starts, output to a log file. */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port, Path log) {
        return persistent(dataDirectory, port, log, java.util.Map.of());
    }

    /** As {@link #persistent(Path, int, Path)}, with server settings of the caller's (a benchmark runs the deployment's). */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port, Path log, java.util.Map<String, String> settings) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        settings.forEach(builder::setServerConfig);
        return start(builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("max_connections", "200"));
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            // Its owner stops it (Infra's or the local stack's shutdown hook) after the services using it.
            return new EmbeddedPostgresServer(builder.setPGStartupWait(Duration.ofSeconds(60)).setRegisterShutdownHook(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String superuser() {
        return "postgres";
    }

    @Override
    public String superuserPassword() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
