package dev.commonhold.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A stack that died without stopping (killed, machine asleep) leaves its PostgreSQL, Keycloak and
 * services running and holding the ports. They are recognised by this checkout's paths on their
 * command lines and stopped before a new start. A stack that is still alive is left alone.
 */
final class Leftovers {

    /** The stack's jar as ./run.sh names it, relative to the checkout. */
    static final String JAR = "infra/devstack/target/devstack-exec.jar";

    private Leftovers() {
    }

    /**
     * @return the pid of a live stack from this checkout, if one is running. {@code ./run.sh} starts it as
     * {@code java … -jar infra/devstack/target/devstack-exec.jar}, a path relative to the checkout: it is ours
     * when that path, resolved against the process's working directory, is this checkout's jar.
     */
    static Optional<Long> runningStack(Path repository) {
        Path jar = realPath(repository).resolve(JAR);
        long me = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != me && runs(p, jar))
                .map(ProcessHandle::pid).findFirst();
    }

    private static boolean runs(ProcessHandle process, Path jar) {
        List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
        int at = arguments.indexOf("-jar");
        if (at < 0 || at + 1 >= arguments.size() || !arguments.get(at + 1).endsWith("devstack-exec.jar")) {
            return false;
        }
        Path named = Path.of(arguments.get(at + 1));
        return (named.isAbsolute() ? named : workingDirectory(process).resolve(named)).normalize().equals(jar);
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath(); // as /proc names a working directory: symbolic links resolved
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    /** Where a process runs (Linux's /proc; elsewhere the current directory, which ./run.sh sets to the checkout for both). */
    private static Path workingDirectory(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    static void stop(Path repository, Progress progress) {
        List<String> ours = List.of(repository.resolve(".devstack").toString(),
                repository.resolve("services").toString(), repository.resolve("gateway/target").toString());
        List<ProcessHandle> stale = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> ours.stream().anyMatch(commandLine(p)::contains)).toList();
        if (stale.isEmpty()) {
            return;
        }
        progress.say("stopping %d processes left over from an earlier run".formatted(stale.size()));
        stale.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stale.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep();
        }
        stale.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
