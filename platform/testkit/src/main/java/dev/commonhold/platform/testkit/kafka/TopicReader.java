package dev.commonhold.platform.testkit.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from its beginning, as an outside observer would, without joining any consumer
 * group: what a service really put on the wire.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Reads until {@code enough} holds for what was read, or the wait is over; returns all read. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, Duration wait,
                                                            Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + wait.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!enough.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Everything on the topic now (reads for up to {@code wait} so late arrivals are seen). */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, Duration wait) {
        return read(bootstrapServers, topic, wait, records -> false);
    }
}
