package dev.commonhold.platform.messaging.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one batch of pending outbox events and marks those Kafka acknowledged, in one
 * transaction. If the process dies after Kafka acknowledged but before the mark commits, the
 * events are sent again next time: delivery is at least once, and consumers deduplicate by
 * {@code eventId} (the inbox).
 */
class OutboxBatch {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);

    // One relay per service database at a time keeps per-key order; the key is this schema's table.
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(1869771365, 'outbox_event'::regclass::oid::int)";
    private static final String PENDING = """
            SELECT position, topic, message_key, event_type, event_id::text, envelope FROM outbox_event
            WHERE published_at IS NULL ORDER BY position LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final int batchSize;

    OutboxBatch(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka, int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.batchSize = batchSize;
    }

    /** @return how many events Kafka acknowledged; throws when none could be sent */
    int publishNext() {
        Integer sent = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(LOCK, Boolean.class))) {
                return 0;
            }
            List<Pending> batch = jdbc.query(PENDING, (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6)), batchSize);
            return batch.isEmpty() ? 0 : sendAndMark(batch);
        });
        return sent == null ? 0 : sent;
    }

    private int sendAndMark(List<Pending> batch) {
        List<CompletableFuture<?>> sends = batch.stream().map(this::send).toList();
        List<Long> acknowledged = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(batch.get(i).position());
            } catch (ExecutionException | TimeoutException e) {
                failure = e.getCause() != null ? e.getCause().toString() : e.toString();
                noteFailure(batch.get(i).position(), failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!acknowledged.isEmpty()) {
            jdbc.update("UPDATE outbox_event SET published_at = now() WHERE position = ANY(?)",
                    (Object) acknowledged.toArray(Long[]::new));
        }
        if (acknowledged.isEmpty() && failure != null) {
            throw new KafkaUnavailableException(failure);
        }
        return acknowledged.size();
    }

    private CompletableFuture<?> send(Pending event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        record.headers().add(new RecordHeader("type", event.type().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("eventId", event.eventId().getBytes(StandardCharsets.UTF_8)));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void noteFailure(long position, String failure) {
        log.debug("outbox event {} not acknowledged: {}", position, failure);
        jdbc.update("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE position = ?", failure, position);
    }

    private record Pending(long position, String topic, String key, String type, String eventId, String envelope) {
    }

    static final class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String reason) {
            super("Kafka acknowledged none of the batch: " + reason);
        }
    }
}
