package dev.commonhold.platform.testkit.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's Quarkus distribution from Maven Central (org.keycloak:keycloak-quarkus-dist, tar.gz),
 * unpacked once into a home directory. The build puts the archive in the local Maven repository;
 * its path comes from {@code -Dcommonhold.keycloak.dist} (set by the parent POM) or the default
 * repository location.
 */
public final class KeycloakDistribution {

    public static final String VERSION = "26.7.3";

    private KeycloakDistribution() {
    }

    public static Path archive() {
        String configured = System.getProperty("commonhold.keycloak.dist");
        Path archive = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak", "keycloak-quarkus-dist",
                        VERSION, "keycloak-quarkus-dist-" + VERSION + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Keycloak distribution not found at " + archive
                    + "; build once with ./mvnw -DskipTests install so Maven downloads it");
        }
        return archive;
    }

    /** Unpacks into {@code home} unless already there; safe against a half-finished earlier unpack. */
    public static Path unpackTo(Path home) {
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), "keycloak-unpack");
            run("tar", "-xzf", archive().toString(), "-C", staging.toString(), "--strip-components=1");
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack Keycloak into " + home, e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
