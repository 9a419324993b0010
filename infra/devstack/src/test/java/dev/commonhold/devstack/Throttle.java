package dev.commonhold.devstack;

/**
 * At most {@code perSecond} requests a second from a harness: under the gateway's rate limit for
 * one user (100 a second by default), so the harness measures access and input, not the limit.
 */
final class Throttle {

    private final long gapNanos;
    private long next = System.nanoTime();

    Throttle(int perSecond) {
        this.gapNanos = 1_000_000_000L / perSecond;
    }

    void await() throws InterruptedException {
        long now = System.nanoTime();
        if (next > now) {
            Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
        }
        next = Math.max(now, next) + gapNanos;
    }
}
