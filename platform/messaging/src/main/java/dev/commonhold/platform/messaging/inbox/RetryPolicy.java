package dev.commonhold.platform.messaging.inbox;

import dev.commonhold.platform.messaging.PoisonEventException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How a failed message is retried before it goes to the dead-letter topic. Our own database
 * being away is not the message's fault: retry without limit (the partition waits, order is
 * kept). Poison never succeeds: no retry. Anything else: a few tries, then the DLT with the reason.
 */
final class RetryPolicy {

    private RetryPolicy() {
    }

    static BackOff backOffFor(Exception failure) {
        if (causedBy(failure, PoisonEventException.class)) {
            return new FixedBackOff(0, 0);
        }
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        if (!isInfrastructure(failure)) {
            backOff.setMaxAttempts(3);
        }
        return backOff;
    }

    private static boolean isInfrastructure(Exception failure) {
        return causedBy(failure, TransientDataAccessException.class) || causedBy(failure, DataAccessResourceFailureException.class)
                || causedBy(failure, CannotGetJdbcConnectionException.class) || causedBy(failure, CannotCreateTransactionException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
