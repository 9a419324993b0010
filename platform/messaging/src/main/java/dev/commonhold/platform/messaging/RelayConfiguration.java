package dev.commonhold.platform.messaging;

import dev.commonhold.platform.messaging.outbox.OutboxExpansion;
import dev.commonhold.platform.messaging.outbox.OutboxRelay;
import dev.commonhold.platform.messaging.outbox.OutboxRelays;
import dev.commonhold.platform.messaging.outbox.OutboxSignal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "commonhold.messaging.relay.enabled", matchIfMissing = true)
class RelayConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> eventsKafkaTemplate,
                            OutboxSignal signal, MessagingProperties properties, ObjectProvider<MeterRegistry> meters,
                            ObjectProvider<OutboxExpansion> expansions) {
        return OutboxRelays.create(jdbc, transaction, eventsKafkaTemplate, signal, properties.relay(),
                meters.getIfAvailable(SimpleMeterRegistry::new), expansions.orderedStream().toList());
    }
}
