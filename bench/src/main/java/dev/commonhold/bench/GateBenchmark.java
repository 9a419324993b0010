package dev.commonhold.bench;

import dev.commonhold.platform.testkit.http.Api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gate path: camera reads posted with a camera's token, straight to parking and through the
 * gateway — one caller at a time for the latency the gateway adds, and many at once for events per
 * second with p50/p99. Each caller drives cars through: a new car's entry, then its exit (priced,
 * within the free period), so the lot never fills and both halves of the path are measured.
 */
final class GateBenchmark {

    /** Events per second and their latencies under {@code clients} concurrent callers. */
    record Load(double perSecond, Latencies latencies, long failed) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private GateBenchmark() {
    }

    static Latencies sequential(String baseUrl, String community, String[] gates, String token, int warmup, int count) throws Exception {
        Api api = new Api(baseUrl).as(token);
        long[] car = new long[1];
        int[] step = new int[1];
        return Latencies.measure(warmup, count, () -> {
            if (step[0]++ % 2 == 0) {
                car[0] = SEQUENCE.incrementAndGet();
                send(api, community, gates[0], car[0], "in");
            } else {
                send(api, community, gates[1], car[0], "out");
            }
        });
    }

    /** @param gates the entry and the exit camera */
    static Load concurrent(String baseUrl, String community, String[] gates, String token, int clients, Duration duration) throws Exception {
        Api api = new Api(baseUrl).as(token);
        ConcurrentLinkedQueue<long[]> perCaller = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                callers.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (running.get()) {
                        long car = SEQUENCE.incrementAndGet();
                        for (int side = 0; side < 2; side++) {
                            long start = System.nanoTime();
                            try {
                                send(api, community, gates[side], car, side == 0 ? "in" : "out");
                                mine.add(System.nanoTime() - start);
                            } catch (RuntimeException e) {
                                failed.incrementAndGet();
                            }
                        }
                    }
                    perCaller.add(mine.stream().mapToLong(Long::longValue).toArray());
                    return null;
                });
            }
            Thread.sleep(duration);
            running.set(false);
        }
        long[] all = perCaller.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Load(all.length / (duration.toMillis() / 1000.0), new Latencies(all), failed.get());
    }

    /** Car {@code n} read at a gate now: plates 冀A00001… never seen in the demo's traffic. */
    private static void send(Api api, String community, String gate, long n, String side) {
        String plate = "冀" + (char) ('A' + (n / 100_000) % 8) + "%05d".formatted(n % 100_000);
        var response = api.post("/api/parking/communities/" + community + "/gate-events", Map.of("gateSerial", gate, "cameraEventId",
                "bench-" + side + "-" + n, "plate", plate, "capturedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), "confidence", 90));
        if (response.status() != 200) {
            throw new IllegalStateException("gate read refused: " + response);
        }
    }
}
