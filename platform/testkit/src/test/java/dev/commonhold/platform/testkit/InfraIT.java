package dev.commonhold.platform.testkit;

import dev.commonhold.platform.testkit.kafka.KafkaServer;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InfraIT {

    @Test
    void postgresGivesEachCallerAFreshDatabase() throws Exception {
        PostgresServer postgres = Infra.postgres();
        String first = postgres.createDatabase("t");
        String second = postgres.createDatabase("t");
        postgres.execute(first, "CREATE TABLE marker (id int)", "INSERT INTO marker VALUES (1)");

        assertThat(first).isNotEqualTo(second);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(second), postgres.superuser(), postgres.superuserPassword());
             ResultSet tables = connection.getMetaData().getTables(null, "public", "marker", null)) {
            assertThat(tables.next()).as("second database must not see the first one's table").isFalse();
        }
    }

    @Test
    void kafkaDeliversAMessageSentBeforeAnOutageAndOneSentAfterIt() {
        KafkaServer kafka = Infra.kafka();
        String topic = "infra-it-" + UUID.randomUUID();
        send(kafka, topic, "before");

        kafka.stop();
        kafka.start();
        send(kafka, topic, "after");

        assertThat(readAll(kafka, topic, 2)).containsExactly("before", "after");
    }

    private static void send(KafkaServer kafka, String topic, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> readAll(KafkaServer kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
