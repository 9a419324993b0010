package dev.commonhold.platform.messaging.outbox;

import dev.commonhold.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds a relay; also how a test starts a second relay after "killing" the first. */
public final class OutboxRelays {

    private OutboxRelays() {
    }

    public static OutboxRelay create(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
                                     OutboxSignal signal, MessagingProperties.Relay settings, MeterRegistry meters) {
        OutboxBatch batch = new OutboxBatch(jdbc, transaction, kafka, settings.batchSize());
        return new OutboxRelay(batch, jdbc, signal, settings.pollInterval(), settings.retention(), meters);
    }
}
