package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Directories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A service's jar unpacked the way Spring Boot's jar tools lay it out (the application jar beside
 * {@code lib/}), kept between starts together with the JVM's AOT cache built from it (JEP 483/514).
 * Measured on this machine, for leasing alone: from the packaged jar it is ready after 9.7 CPU-s,
 * unpacked after 6.0, unpacked with its AOT cache after 3.1 — and a stack of ten JVMs starting on
 * two cores waits for the sum.
 *
 * <p>It is unpacked again only when the jar's content changes (names and CRCs of its entries, not
 * its timestamp: every {@code ./mvnw install} rewrites every jar; the build's fixed
 * {@code project.build.outputTimestamp} keeps the jars nested in it byte for byte the same when their
 * code is), because the AOT cache is only valid for the very files it was built from. The copy also lets a build rewrite target/*.jar while
 * the stack runs: a JVM whose jar changes under it fails on the next class it loads.
 */
final class UnpackedJar {

    private static final String FINGERPRINT = "unpacked-from.sha256";

    private final String name;
    private final Path directory;

    private UnpackedJar(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /** Unpacks {@code jar} into {@code jars/<name>/} unless the same content is there already. */
    static UnpackedJar of(String name, Path jar, Path jars) {
        Path directory = jars.resolve(name);
        String fingerprint = fingerprint(jar);
        try {
            Path stamp = directory.resolve(FINGERPRINT);
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(fingerprint)) {
                unpack(jar, directory, fingerprint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + jar + " into " + directory, e);
        }
        return new UnpackedJar(name, directory);
    }

    /** The application jar to run with {@code -jar}; its manifest names the jars in lib/. */
    Path jar() {
        return directory.resolve(name + ".jar");
    }

    /** The JVM's AOT cache for this content, once a training run has built it. */
    Path aotCache() {
        return directory.resolve(name + ".aot");
    }

    boolean hasAotCache() {
        return Files.isRegularFile(aotCache());
    }

    /** Where a training run writes the cache: a start never picks up a half-written one. */
    Path aotCacheInTraining() {
        return directory.resolve(name + ".aot.training");
    }

    /** Moves a finished training run's cache into place; false when it wrote none. */
    boolean acceptTrainedCache() {
        try {
            if (!Files.isRegularFile(aotCacheInTraining())) {
                return false;
            }
            Files.move(aotCacheInTraining(), aotCache(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the AOT cache of " + name, e);
        }
    }

    /** {@code -XX:AOTCache=…} when the cache exists (the JVM ignores, with a warning, one that no longer fits). */
    List<String> jvmOptions() {
        return hasAotCache() ? List.of("-XX:AOTCache=" + aotCache()) : List.of();
    }

    private static void unpack(Path jar, Path directory, String fingerprint) throws IOException {
        Path parent = Files.createDirectories(directory.toAbsolutePath().getParent());
        Path staging = Files.createTempDirectory(parent, directory.getFileName() + ".unpacking-");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--force", "--destination", staging.toString(),
                "--application-filename", directory.getFileName() + ".jar"), "unpack " + jar);
        Files.writeString(staging.resolve(FINGERPRINT), fingerprint);
        if (Files.exists(directory)) {
            // A running JVM keeps the files it opened; the old tree is unlinked, not rewritten under it.
            Path old = Files.createTempDirectory(parent, directory.getFileName() + ".old-");
            Files.move(directory, old.resolve("tree"), StandardCopyOption.ATOMIC_MOVE);
            Directories.deleteRecursively(old);
        }
        Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * SHA-256 over each entry's name, size and CRC, in the jar's order — the content, whatever the
     * timestamps — and the JVM's version, whose AOT cache another JVM cannot use.
     */
    static String fingerprint(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
            for (ZipEntry entry : zip.stream().toList()) {
                sha.update((entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("could not " + what + " (exit " + (process.isAlive() ? "timeout" : process.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + what, e);
        }
    }
}
