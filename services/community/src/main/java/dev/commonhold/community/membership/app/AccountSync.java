package dev.commonhold.community.membership.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings users' Keycloak accounts in line with the register, from the queue the register's
 * changes fill. A Keycloak outage delays an update, never loses it: a login leaves the queue only
 * once Keycloak has taken the state the register had when it was read, and each failure waits
 * twice as long as the one before (up to {@code max-backoff}).
 */
@Service
public class AccountSync {

    private static final Logger log = LoggerFactory.getLogger(AccountSync.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final AccountSyncQueue queue;
    private final Accounts accounts;
    private final Duration maxBackoff;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("account-sync-nudge").factory());
    private final AtomicBoolean nudgePending = new AtomicBoolean();

    AccountSync(AccountSyncQueue queue, Accounts accounts, @Value("${commonhold.accounts.max-backoff:PT5M}") Duration maxBackoff,
                MeterRegistry meters) {
        this.queue = queue;
        this.accounts = accounts;
        this.maxBackoff = maxBackoff;
        // What an operator alerts on: updates piling up, or one waiting long, means Keycloak is away or refusing.
        Gauge.builder("commonhold.accounts.pending", queue, q -> q.backlog().logins())
                .description("logins whose Keycloak account waits for a register change").register(meters);
        Gauge.builder("commonhold.accounts.oldest", queue, q -> q.backlog().oldest().toSeconds()).baseUnit("seconds")
                .description("how long the oldest waiting account update has waited").register(meters);
    }

    /**
     * Drains now rather than at the next tick (after a binding the user is waiting on) — once the
     * current transaction has committed, if there is one; at most one nudge waits.
     */
    public void nudge() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drainSoon();
                }
            });
        } else {
            drainSoon();
        }
    }

    private void drainSoon() {
        if (nudgePending.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgePending.set(false);
                drain();
            });
        }
    }

    @Scheduled(fixedDelayString = "${commonhold.accounts.poll:PT1S}", initialDelayString = "PT5S")
    public synchronized int drain() {
        int applied = 0;
        for (var batch = queue.claimDue(BATCH, LEASE); !batch.isEmpty(); batch = queue.claimDue(BATCH, LEASE)) {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    apply(batch.get(i));
                    applied++;
                } catch (Accounts.AccountsUnavailable e) {
                    // Keycloak is away: this login and the rest of the batch wait their backoff, not the whole lease.
                    for (AccountSyncQueue.Claimed waiting : batch.subList(i, batch.size())) {
                        queue.retryLater(waiting, backoff(waiting.attempts()), e.getMessage());
                    }
                    log.warn("Keycloak did not take account updates ({}); {} logins wait, retrying in {} or more", e.getMessage(),
                            batch.size() - i, backoff(batch.get(i).attempts()));
                    return applied;
                }
            }
        }
        return applied;
    }

    /** Committee terms begin and end with the date alone, with no change to the register. */
    @Scheduled(cron = "${commonhold.accounts.term-sweep:0 5 * * * *}")
    public void queueTermChanges() {
        int queued = queue.queueTermChanges();
        if (queued > 0) {
            log.info("queued {} committee members whose term begins or ended", queued);
        }
    }

    private void apply(AccountSyncQueue.Claimed claimed) {
        Accounts.Outcome outcome = accounts.apply(claimed.userId(), queue.claimsOf(claimed.userId()));
        if (outcome == Accounts.Outcome.NO_SUCH_USER) {
            log.warn("login {} is in the register but not in Keycloak; nothing to update", claimed.userId());
        }
        queue.done(claimed);
    }

    /** 2 s, 4 s, 8 s … up to max-backoff. */
    Duration backoff(int failuresSoFar) {
        Duration delay = Duration.ofSeconds(1L << Math.min(failuresSoFar + 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
