package dev.commonhold.platform.messaging.inbox;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Wires handlers to a Kafka listener container with inbox, retries and dead letters. */
public final class InboundContainers {

    private InboundContainers() {
    }

    public static InboundEvents create(List<EventHandler> handlers, EventSchemas schemas, Inbox inbox, KafkaProperties kafka,
                                       KafkaTemplate<String, String> deadLetters, String consumerGroup) {
        if (handlers.isEmpty()) {
            return new InboundEvents(null);
        }
        Map<String, EventHandler> byType = handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two handlers for " + a.type() + ": " + a.getClass() + ", " + b.getClass());
                }));
        String[] topics = byType.keySet().stream().map(EventEnvelope::topicOf).distinct().sorted().toArray(String[]::new);

        ContainerProperties container = new ContainerProperties(topics);
        container.setMessageListener(new InboundEventListener(byType, schemas, inbox, consumerGroup));
        ConcurrentMessageListenerContainer<String, String> listener =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumerSettings(kafka, consumerGroup),
                        new StringDeserializer(), new StringDeserializer()), container);
        listener.setCommonErrorHandler(errorHandler(deadLetters));
        listener.setBeanName("inbound-events");
        return new InboundEvents(listener);
    }

    private static Map<String, Object> consumerSettings(KafkaProperties kafka, String group) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        // A new consumer must see the whole history (a projection starts from the first event).
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return settings;
    }

    private static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> deadLetters) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(record.topic() + ".dlt", -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters);
        handler.setBackOffFunction((record, failure) -> RetryPolicy.backOffFor(failure));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }
}
