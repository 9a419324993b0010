package dev.commonhold.bench;

import java.util.Arrays;

/** Latencies of repeated operations, in nanoseconds, summarised as the percentiles people quote. */
final class Latencies {

    private final long[] nanos;

    Latencies(long[] nanos) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    double p50Millis() {
        return percentile(0.50) / 1e6;
    }

    double p99Millis() {
        return percentile(0.99) / 1e6;
    }

    /** Operations per second if run back to back. */
    double perSecond() {
        return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
    }

    private long percentile(double p) {
        return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p * nanos.length) - 1)];
    }

    interface Operation {
        void run() throws Exception;
    }

    /** Runs {@code warmup} untimed, then {@code count} timed operations one after another. */
    static Latencies measure(int warmup, int count, Operation operation) throws Exception {
        for (int i = 0; i < warmup; i++) {
            operation.run();
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            operation.run();
            nanos[i] = System.nanoTime() - start;
        }
        return new Latencies(nanos);
    }
}
