package dev.commonhold.platform.messaging.outbox;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.messaging.NewEvent;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;

/**
 * Records events in the same transaction as the state change that caused them (transactional
 * outbox): both commit or neither does. The {@link OutboxRelay} publishes them afterwards.
 */
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope) VALUES (?, ?, ?, ?, ?)";
    private static final Object WAKE_REGISTERED = new Object();

    private final JdbcTemplate jdbc;
    private final EventSchemas schemas;
    private final Clock clock;
    private final OutboxSignal signal;

    public Outbox(JdbcTemplate jdbc, EventSchemas schemas, Clock clock, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.clock = clock;
        this.signal = signal;
    }

    public EventEnvelope append(NewEvent event) {
        return appendAll(List.of(event)).getFirst();
    }

    /** Appends many events in one batch (bulk imports); each is checked against its contract first. */
    public List<EventEnvelope> appendAll(List<NewEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append must run inside the transaction that changes the state it reports");
        }
        List<Keyed> keyed = events.stream().map(e -> new Keyed(envelope(e), e.messageKey())).toList();
        keyed.forEach(k -> schemas.requireValid(k.envelope()));
        jdbc.batchUpdate(INSERT, keyed, 500, (statement, k) -> {
            statement.setObject(1, k.envelope().eventId());
            statement.setString(2, k.envelope().topic());
            statement.setString(3, k.key());
            statement.setString(4, k.envelope().type());
            statement.setString(5, EventJson.write(k.envelope()));
        });
        wakeRelayAfterCommit();
        return keyed.stream().map(Keyed::envelope).toList();
    }

    private EventEnvelope envelope(NewEvent event) {
        return new EventEnvelope(Ids.newId(), event.type(), clock.instant(), event.communityId(), event.aggregateId(),
                MDC.get("traceparent"), EventJson.toTree(event.payload()));
    }

    private record Keyed(EventEnvelope envelope, String key) {
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(WAKE_REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_REGISTERED);
            }
        });
    }
}
