package dev.commonhold.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second {@code ./run.sh} in a checkout whose stack is running must refuse to start (it would stop
 * that stack's services as leftovers, and {@code --fresh} would empty its data): the running stack is
 * found by the relative jar path ./run.sh starts it with, resolved in its own working directory.
 */
@EnabledOnOs(OS.LINUX)
class LeftoversTest {

    @TempDir
    Path checkouts;
    private Process stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.destroyForcibly();
        }
    }

    @Test
    void aStackStartedAsRunShStartsItIsFoundFromItsOwnCheckoutOnly() throws Exception {
        Path mine = Files.createDirectories(checkouts.resolve("mine"));
        Path other = Files.createDirectories(checkouts.resolve("other"));
        // Stands for `java … -jar infra/devstack/target/devstack-exec.jar` started by ./run.sh in "mine".
        stack = new ProcessBuilder("sh", "-c", "sleep 60; true", "-jar", Leftovers.JAR).directory(mine.toFile()).start();

        assertThat(Leftovers.runningStack(mine)).contains(stack.pid());
        assertThat(Leftovers.runningStack(other)).isEmpty();
    }

    @Test
    void nothingIsFoundOnceItHasStopped() throws Exception {
        Path mine = Files.createDirectories(checkouts.resolve("mine"));
        stack = new ProcessBuilder("sh", "-c", "sleep 60; true", "-jar", Leftovers.JAR).directory(mine.toFile()).start();
        stack.destroyForcibly().waitFor();

        assertThat(Leftovers.runningStack(mine)).isEmpty();
    }
}
