package dev.commonhold.community.membership.domain;

/** The guessing limit is reached (429 with {@code Retry-After}). */
public class TooManyGuesses extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyGuesses(long retryAfterSeconds, int limit) {
        super("%d wrong codes in the last hour is the most allowed; try again in %d minutes, or ask the operator to check your code"
                .formatted(limit, (retryAfterSeconds + 59) / 60));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
