package dev.commonhold.devstack;

import java.time.Duration;

/** Timestamped progress lines on the console, so a slow first start visibly moves. */
final class Progress {

    private final long started = System.nanoTime();

    void say(String message) {
        System.out.printf("[%5.1fs] %s%n", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0, message);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
