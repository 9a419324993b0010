package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Directories;
import dev.commonhold.platform.testkit.keycloak.EmbeddedKeycloakServer;
import dev.commonhold.platform.testkit.keycloak.KeycloakDistribution;
import dev.commonhold.platform.testkit.keycloak.RealmFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Keycloak's database as the realm import leaves it, kept in .devstack/keycloak-template/ to begin
 * every fresh start from: creating Keycloak's tables (Liquibase) and importing the realm took 12 s
 * of the 49 s Keycloak needed to start beside the services on two cores — the longest start of the
 * stack, which the demo seed waits for. Built once, in the background after a start that had none,
 * by a Keycloak of its own in a copy of the home; valid for one realm file and Keycloak version.
 */
final class KeycloakTemplate {

    private static final String FINGERPRINT = "realm.sha256";

    private final Path template;
    private final Path keycloakHome;

    KeycloakTemplate(Path data) {
        this.template = data.resolve("keycloak-template");
        this.keycloakHome = data.resolve("keycloak");
    }

    /** Puts the template's database in place when Keycloak has none (a fresh start) and the template fits the realm. */
    boolean restoreIfFresh() {
        Path h2 = keycloakHome.resolve("data/h2");
        if (!Files.isExecutable(keycloakHome.resolve("bin/kc.sh")) || Files.exists(h2) || !fits()) {
            return false;
        }
        try {
            copyTree(template.resolve("h2"), h2);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy Keycloak's database from " + template, e);
        }
    }

    boolean fits() {
        try {
            Path stamp = template.resolve(FINGERPRINT);
            return Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Imports the realm into a Keycloak of its own (at the lowest CPU priority, on a port of its own)
     * and keeps its database once it has stopped cleanly. {@link #stopBuild} stops it.
     */
    void build(Path logs) throws IOException {
        // Keycloak has imported the realm when it answers; closing it stops it cleanly, with H2's files closed.
        EmbeddedKeycloakServer.inBackgroundCopy(keycloakHome, work(), logs.resolve("keycloak-template.log")).close();
        Path work = work();
        Path staging = Files.createTempDirectory(template.toAbsolutePath().getParent(), "keycloak-template-");
        copyTree(work.resolve("data/h2"), staging.resolve("h2"));
        Files.writeString(staging.resolve(FINGERPRINT), fingerprint());
        Directories.deleteRecursively(template);
        Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        Directories.deleteRecursively(work);
    }

    /** Stops a build under way (on Ctrl-C): its Keycloak is recognised by its home on the command line. */
    void stopBuild() {
        String home = work().toAbsolutePath().toString();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(home)).forEach(ProcessHandle::destroy);
    }

    private Path work() {
        return template.resolveSibling("keycloak-template-build");
    }

    private static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KeycloakDistribution.VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(RealmFile.locate()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
