package dev.commonhold.platform.messaging;

import dev.commonhold.platform.messaging.inbox.Inbox;
import dev.commonhold.platform.messaging.outbox.Outbox;
import dev.commonhold.platform.messaging.outbox.OutboxSignal;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outbox, relay, inbox and inbound handlers for every service that has a database and Kafka. */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = DataSourceTransactionManagerAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
@Import({RelayConfiguration.class, InboundConfiguration.class})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, EventSchemas schemas, Clock clock, OutboxSignal signal) {
        return new Outbox(jdbc, schemas, clock, signal);
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new Inbox(jdbc, transaction);
    }

    /** The producer for events and dead letters: every send acknowledged by all in-sync replicas, no duplicates per session. */
    @Bean
    @org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    KafkaTemplate<String, String> eventsKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> settings = new java.util.HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A relay batch (or a billing run's chunk row) goes to one community's partition: 256 KiB batches carry it in a few
        // requests rather than one per 16 KiB (the default), which the broker acknowledged at about 2,000 events/s.
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new StringSerializer()));
    }

    @Bean
    KafkaAdmin.NewTopics ownedTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        properties.topics().forEach(topic -> declare(topics, topic, false, properties));
        properties.stateTopics().forEach(topic -> declare(topics, topic, true, properties));
        // An awaited state topic is compacted like its owner would declare it: whoever starts first, the policy is the same.
        properties.awaitedTopics().forEach(topic -> declare(topics, topic, topic.endsWith(".state"), properties));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** A topic with the standard partitioning (compacted for state topics) and its dead-letter topic. */
    private static void declare(List<NewTopic> topics, String topic, boolean compacted, MessagingProperties properties) {
        if (topics.stream().anyMatch(t -> t.name().equals(topic))) {
            return; // a topic this service both writes and reads (the audit trail's, in the community service) is declared once
        }
        TopicBuilder builder = TopicBuilder.name(topic).partitions(properties.partitions()).replicas(properties.replicationFactor());
        topics.add(compacted ? builder.compact().build() : builder.build());
        topics.add(TopicBuilder.name(topic + ".dlt").partitions(1).replicas(properties.replicationFactor()).build());
    }
}
