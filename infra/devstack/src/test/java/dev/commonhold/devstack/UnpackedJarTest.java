package dev.commonhold.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's jar is unpacked once per content, so the AOT cache built from the unpacked files stays valid across rebuilds. */
class UnpackedJarTest {

    @TempDir
    Path dir;

    @Test
    void theFingerprintIsTheContentNotTheTimestamps() throws IOException {
        Path morning = zip("a.jar", "same bytes", Instant.parse("2026-12-03T08:00:00Z"));
        Path evening = zip("b.jar", "same bytes", Instant.parse("2026-12-03T20:00:00Z"));
        Path changed = zip("c.jar", "other bytes", Instant.parse("2026-12-03T08:00:00Z"));

        assertThat(UnpackedJar.fingerprint(morning)).isEqualTo(UnpackedJar.fingerprint(evening));
        assertThat(UnpackedJar.fingerprint(changed)).isNotEqualTo(UnpackedJar.fingerprint(morning));
    }

    @Test
    void aRebuiltJarWithTheSameContentKeepsItsUnpackedFilesAndCache() throws IOException {
        Path jar = Files.copy(RepoRoot.locate().resolve("services/community/target/community.jar"), dir.resolve("community.jar"));
        Path jars = dir.resolve("jars");

        UnpackedJar first = UnpackedJar.of("community", jar, jars);
        assertThat(first.jar()).isRegularFile();
        assertThat(first.jar().resolveSibling("lib")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("spring-core-"));
        assertThat(first.jvmOptions()).as("no cache before a training run").isEmpty();
        assertThat(first.acceptTrainedCache()).as("a training run that wrote nothing").isFalse();
        Files.writeString(first.aotCacheInTraining(), "cache");
        assertThat(first.acceptTrainedCache()).isTrue();
        FileTime unpackedAt = Files.getLastModifiedTime(first.jar());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // what ./mvnw install does to every jar
        UnpackedJar again = UnpackedJar.of("community", jar, jars);

        assertThat(Files.getLastModifiedTime(again.jar())).isEqualTo(unpackedAt);
        assertThat(again.jvmOptions()).containsExactly("-XX:AOTCache=" + jars.resolve("community/community.aot"));
    }

    @Test
    void aJarWithOtherContentIsUnpackedAgainWithoutTheOldCache() throws IOException {
        Path jar = Files.copy(RepoRoot.locate().resolve("services/community/target/community.jar"), dir.resolve("community.jar"));
        Path jars = dir.resolve("jars");
        UnpackedJar first = UnpackedJar.of("community", jar, jars);
        Files.writeString(first.aotCacheInTraining(), "cache");
        first.acceptTrainedCache();

        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Files.writeString(fs.getPath("BOOT-INF/classes/rebuilt.txt"), "a change");
        }
        UnpackedJar again = UnpackedJar.of("community", jar, jars);

        assertThat(again.hasAotCache()).isFalse();
        assertThat(again.jvmOptions()).isEmpty();
        assertThat(again.jar()).isRegularFile();
        assertThat(jars).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".old-") || p.getFileName().toString().contains(".unpacking-"));
    }

    private Path zip(String name, String content, Instant at) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("BOOT-INF/classes/x.txt");
            entry.setLastModifiedTime(FileTime.from(at));
            entries.putNextEntry(entry);
            entries.write(content.getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        return zip;
    }
}
