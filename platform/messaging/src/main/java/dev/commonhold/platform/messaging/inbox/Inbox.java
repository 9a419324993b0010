package dev.commonhold.platform.messaging.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Exactly-once effect on top of at-least-once delivery: the effect and the record that this
 * consumer processed the event commit in one transaction; a redelivered event finds the record
 * and is skipped. A concurrent duplicate waits on the first one's insert and is then skipped too.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public Inbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Records every event of {@code eventIds} as processed by {@code consumer} and runs {@code effect}
     * with those it had not processed before, all in one transaction: a batch commits or nothing of it does.
     */
    public void processAllOnce(String consumer, List<UUID> eventIds, Consumer<Set<UUID>> effect) {
        transaction.executeWithoutResult(status -> {
            Set<UUID> fresh = new HashSet<>(jdbc.queryForList("""
                    INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id""",
                    UUID.class, consumer, eventIds.toArray(UUID[]::new)));
            if (!fresh.isEmpty()) {
                effect.accept(fresh);
            }
        });
    }

    /** @return true if the effect ran, false if this consumer had already processed the event */
    public boolean processOnce(String consumer, UUID eventId, Runnable effect) {
        Boolean processed = transaction.execute(status -> {
            int inserted = jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    consumer, eventId);
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(processed);
    }
}
