package dev.commonhold.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of every process on the machine, grouped by what it is (a service by its jar, PostgreSQL, this
 * benchmark with its embedded Kafka), read from Linux's /proc. The difference of two snapshots says where
 * a phase's CPU went: on two cores, a path's rate is bounded by the CPU it costs everywhere, not in one process.
 */
final class CpuTimes {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux we run on
    private static final long ME = ProcessHandle.current().pid();

    private final Map<Long, Long> ticks;
    private final Map<Long, String> names;

    private CpuTimes(Map<Long, Long> ticks, Map<Long, String> names) {
        this.ticks = ticks;
        this.names = names;
    }

    static CpuTimes now() {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime, stime
                    names.put(pid, name(pid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), p));
                } catch (IOException | RuntimeException gone) {
                    // ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return new CpuTimes(Map.of(), Map.of()); // not Linux: nothing to say
        }
        return new CpuTimes(ticks, names);
    }

    private static String name(long pid, String command, Path process) throws IOException {
        if (pid == ME) {
            return "benchmark (callers, Kafka)";
        }
        if (!command.equals("java")) {
            return command;
        }
        String commandLine = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
        java.util.regex.Matcher jar = java.util.regex.Pattern.compile("([\\w-]+)\\.jar").matcher(commandLine);
        String last = "java";
        while (jar.find()) {
            last = jar.group(1);
        }
        return last;
    }

    /** CPU milliseconds spent since {@code before}, per kind of process, largest first. */
    Map<String, Double> since(CpuTimes before) {
        Map<String, Double> spent = new HashMap<>();
        ticks.forEach((pid, t) -> {
            long delta = t - before.ticks.getOrDefault(pid, 0L);
            if (delta > 0) {
                spent.merge(names.get(pid), delta * 1000 / TICKS_PER_SECOND, Double::sum);
            }
        });
        return spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** "billing 4.1, postgres 2.0, …" ms of CPU per operation, the {@code top} largest and the rest summed. */
    static String perOperation(Map<String, Double> spent, int operations, int top) {
        StringBuilder line = new StringBuilder();
        double rest = 0;
        int i = 0;
        for (var e : spent.entrySet()) {
            if (i++ < top) {
                line.append(line.isEmpty() ? "" : ", ").append("%s %.2f".formatted(e.getKey(), e.getValue() / operations));
            } else {
                rest += e.getValue();
            }
        }
        double total = spent.values().stream().mapToDouble(Double::doubleValue).sum() / operations;
        return "%.2f ms CPU each: %s, others %.2f".formatted(total, line, rest / operations);
    }
}
