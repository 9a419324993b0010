package dev.commonhold.devstack;

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

    private Leftovers() {
    }

    /** @return the pid of a live stack from this checkout, if one is running */
    static Optional<Long> runningStack(Path repository) {
        String jar = repository.resolve("infra/devstack/target/devstack-exec.jar").toString();
        long me = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != me && commandLine(p).contains(jar))
                .map(ProcessHandle::pid).findFirst();
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
