package dev.commonhold.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Resident memory of each part of the stack (a process and its children), read from /proc on Linux. */
final class Memory {

    private final Map<String, Long> parts = new LinkedHashMap<>();

    /** A process with its children (PostgreSQL's backends, Keycloak's JVM under kc.sh). */
    Memory add(String name, ProcessHandle process) {
        parts.put(name, Stream.concat(Stream.of(process), process.descendants()).mapToLong(Memory::ownRss).sum());
        return this;
    }

    /** A process alone: the local stack's own JVM, whose children are reported as themselves. */
    Memory addAlone(String name, ProcessHandle process) {
        parts.put(name, ownRss(process));
        return this;
    }

    List<String> report() {
        return parts.entrySet().stream().map(e -> "%-22s %5d MB".formatted(e.getKey(), e.getValue() / 1024)).toList();
    }

    /** The postmaster of an embedded PostgreSQL, from the pid file in its data directory. */
    static ProcessHandle postgres(Path dataDirectory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid).orElseThrow();
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current();
        }
    }

    private static long ownRss(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
