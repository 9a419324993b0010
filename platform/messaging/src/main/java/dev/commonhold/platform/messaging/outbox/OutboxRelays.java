package dev.commonhold.platform.messaging.outbox;

import dev.commonhold.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Builds a relay; also how a test starts a second relay after "killing" the first. */
public final class OutboxRelays {

    private OutboxRelays() {
    }

    public static OutboxRelay create(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
                                     OutboxSignal signal, MessagingProperties.Relay settings, MeterRegistry meters) {
        return create(jdbc, transaction, kafka, signal, settings, meters, List.of());
    }

    /** @param expansions how this service's chunk rows become events (none for most services) */
    public static OutboxRelay create(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
                                     OutboxSignal signal, MessagingProperties.Relay settings, MeterRegistry meters,
                                     List<OutboxExpansion> expansions) {
        OutboxBatch batch = new OutboxBatch(jdbc, transaction, kafka, settings.batchSize(), expansions);
        return new OutboxRelay(batch, jdbc, signal, settings.pollInterval(), settings.retention(), meters);
    }
}
