package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.AccountClaims;

import java.time.Duration;
import java.util.List;

/**
 * Port: the logins whose accounts must follow a register change (the outbox of account updates;
 * database triggers fill it in the transaction of the change, V6__membership.sql).
 */
public interface AccountSyncQueue {

    /** A queued login, claimed for {@code lease}; {@code version} tells whether it was queued again meanwhile. */
    record Claimed(String userId, long version, int attempts) {
    }

    /** Claims up to {@code limit} due logins for {@code lease}, skipping those another instance holds. */
    List<Claimed> claimDue(int limit, Duration lease);

    /** What the register says the login should carry now. */
    AccountClaims claimsOf(String userId);

    /** Done with this version; a login queued again since stays queued. */
    void done(Claimed claimed);

    /** Try again after {@code delay}, unless the login was queued again since (then it is due now). */
    void retryLater(Claimed claimed, Duration delay, String error);

    /** Queues the members of committees whose term begins or ended in the last days: their role changes with the date alone. */
    int queueTermChanges();

    boolean isQueued(String userId);

    /** How many logins wait, and how long the oldest has waited. */
    Backlog backlog();

    record Backlog(int logins, Duration oldest) {
    }
}
