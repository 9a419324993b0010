package dev.commonhold.platform.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock that a test can move forward — to the end of a voting window, past a due date —
 * while the service keeps running and its scheduled jobs see the same time. Register it as the
 * application's {@code Clock} bean; {@link #reset()} after each test.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        offset = offset.plus(by);
    }

    /** Moves the clock to {@code moment} if it is still ahead, so that it is then "now" or just past. */
    public void advanceTo(Instant moment) {
        Duration ahead = Duration.between(instant(), moment);
        if (!ahead.isNegative()) {
            advance(ahead);
        }
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
