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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Publishes one batch of pending outbox events and marks those Kafka acknowledged, in one
 * transaction. If the process dies after Kafka acknowledged but before the mark commits, the
 * events are sent again next time: delivery is at least once, and consumers deduplicate by
 * {@code eventId} (the inbox). A row that stands for many events ({@link OutboxExpansion}) is
 * marked only when Kafka acknowledged every one of them.
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
    private final Map<String, OutboxExpansion> expansions;

    OutboxBatch(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka, int batchSize,
                List<OutboxExpansion> expansions) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.expansions = expansions.stream().collect(Collectors.toUnmodifiableMap(OutboxExpansion::rowType, e -> e));
    }

    /** @return how many events Kafka acknowledged; throws when none could be sent */
    int publishNext() {
        Integer sent = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(LOCK, Boolean.class))) {
                return 0;
            }
            List<Pending> rows = jdbc.query(PENDING, (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6)), batchSize);
            return rows.isEmpty() ? 0 : sendAndMark(expand(rows));
        });
        return sent == null ? 0 : sent;
    }

    /**
     * Each row's events; rows are taken while the batch holds fewer than {@code batchSize} events (always
     * at least one), so a batch of rows that each stand for a chunk of thousands stays within memory.
     */
    private List<Row> expand(List<Pending> rows) {
        List<Row> batch = new ArrayList<>();
        int events = 0;
        for (Pending row : rows) {
            if (events >= batchSize) {
                break;
            }
            OutboxExpansion expansion = expansions.get(row.type());
            List<OutboxExpansion.Event> rendered = expansion == null
                    ? List.of(new OutboxExpansion.Event(row.topic(), row.key(), row.type(), UUID.fromString(row.eventId()), row.envelope()))
                    : expansion.expand(row.envelope());
            batch.add(new Row(row.position(), rendered));
            events += rendered.size();
        }
        return batch;
    }

    private int sendAndMark(List<Row> batch) {
        List<List<CompletableFuture<?>>> sends = batch.stream().map(row -> row.events().stream().map(this::send).toList()).toList();
        List<Long> acknowledged = new ArrayList<>();
        int events = 0;
        String failure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                for (CompletableFuture<?> send : sends.get(i)) {
                    send.get(30, TimeUnit.SECONDS);
                }
                acknowledged.add(batch.get(i).position());
                events += batch.get(i).events().size();
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
        return events;
    }

    private CompletableFuture<?> send(OutboxExpansion.Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        record.headers().add(new RecordHeader("type", event.type().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8)));
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

    /** An outbox row and the events it stands for: one, or a chunk's ({@link OutboxExpansion}). */
    private record Row(long position, List<OutboxExpansion.Event> events) {
    }

    static final class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String reason) {
            super("Kafka acknowledged none of the batch: " + reason);
        }
    }
}
