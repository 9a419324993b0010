package dev.commonhold.community.membership.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * At most {@code maxWrongPerHour} wrong codes per user in any hour; after that every try — right
 * or wrong — waits until the oldest wrong one of the hour is an hour old. Checking the code first
 * and limiting only wrong ones would tell a guesser when they hit, so the limit comes first.
 *
 * @param maxWrongPerHour wrong codes a user may enter in a rolling hour (at least 1)
 */
public record GuessLimit(int maxWrongPerHour) {

    public static final Duration WINDOW = Duration.ofHours(1);

    public GuessLimit {
        if (maxWrongPerHour < 1) {
            throw new IllegalArgumentException("the guessing limit allows at least one wrong code an hour");
        }
    }

    /**
     * @param wrongTries the times of the user's wrong codes, any order; those older than an hour are ignored
     * @return whole seconds to wait before trying again (the {@code Retry-After}), or 0 when a try is allowed now
     */
    public long secondsToWait(List<Instant> wrongTries, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        List<Instant> inWindow = wrongTries.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
        if (inWindow.size() < maxWrongPerHour) {
            return 0;
        }
        // The try that would be allowed again is the one once the (size - max + 1)th oldest has aged out.
        Instant freedAt = inWindow.get(inWindow.size() - maxWrongPerHour).plus(WINDOW);
        long millis = Duration.between(now, freedAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
