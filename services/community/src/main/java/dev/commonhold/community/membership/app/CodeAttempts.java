package dev.commonhold.community.membership.app;

import java.time.Instant;
import java.util.List;

/** Port: every code a user tried, for the guessing limit. */
public interface CodeAttempts {

    /** Serialises one user's tries for the transaction, so parallel tries cannot slip past the limit together. */
    void lockUser(String userId);

    List<Instant> wrongSince(String userId, Instant since);

    void record(String userId, Instant at, boolean succeeded);
}
