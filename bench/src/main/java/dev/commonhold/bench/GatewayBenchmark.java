package dev.commonhold.bench;

import dev.commonhold.platform.testkit.http.Api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** The same authenticated request sent straight to the service and through the gateway. */
final class GatewayBenchmark {

    private GatewayBenchmark() {
    }

    static Latencies sequential(String baseUrl, String path, String token, int warmup, int count) throws Exception {
        Api api = new Api(baseUrl).as(token);
        return Latencies.measure(warmup, count, () -> {
            if (api.get(path).status() != 200) {
                throw new IllegalStateException("benchmark request failed at " + baseUrl + path);
            }
        });
    }

    /** Requests per second with {@code clients} concurrent callers for {@code duration}. */
    static double throughput(String baseUrl, String path, String token, int clients, Duration duration) throws Exception {
        Api api = new Api(baseUrl).as(token);
        LongAdder done = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                callers.submit(() -> {
                    while (running.get()) {
                        if (api.get(path).status() == 200) {
                            done.increment();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(duration);
            running.set(false);
        }
        return done.sum() / (duration.toMillis() / 1000.0);
    }
}
