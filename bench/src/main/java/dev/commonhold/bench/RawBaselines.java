package dev.commonhold.bench;

import dev.commonhold.platform.testkit.kafka.KafkaServer;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the machine does without any of our code: the yardsticks every ratio is taken against. */
final class RawBaselines {

    private RawBaselines() {
    }

    /** One row per committed transaction (autocommit), the cost floor of any single write. */
    static Latencies postgresSingleRowInsert(PostgresServer postgres, String database, int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword())) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_row (id uuid PRIMARY KEY, n int, note text)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_row VALUES (?, ?, ?)");
            int[] n = {0};
            return Latencies.measure(200, count, () -> {
                insert.setObject(1, UUID.randomUUID());
                insert.setInt(2, n[0]++);
                insert.setString(3, "baseline");
                insert.executeUpdate();
            });
        }
    }

    /** Rows per second for COPY of unit-shaped rows in one transaction: the fastest way to load a table. */
    static double postgresCopyRowsPerSecond(PostgresServer postgres, String database, int rows, int repeats) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword())) {
            connection.createStatement().execute("""
                    CREATE TABLE IF NOT EXISTS bench_unit (id uuid PRIMARY KEY, community_id uuid, building_id uuid, number text,
                    floor int, exclusive_area_centi bigint, use text, owner_id uuid)""");
            double best = 0;
            for (int r = 0; r < repeats; r++) {
                StringBuilder csv = new StringBuilder();
                UUID community = UUID.randomUUID();
                for (int i = 0; i < rows; i++) {
                    csv.append(UUID.randomUUID()).append(',').append(community).append(',').append(UUID.randomUUID()).append(',')
                            .append(100 + i).append(',').append(i % 6 + 1).append(',').append(8_000 + i).append(",RESIDENTIAL,")
                            .append(UUID.randomUUID()).append('\n');
                }
                long start = System.nanoTime();
                ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                        .copyIn("COPY bench_unit FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
                best = Math.max(best, rows / ((System.nanoTime() - start) / 1e9));
            }
            return best;
        }
    }

    /** A message produced (acks=all) and consumed back, one at a time: the floor of any event hop. */
    static Latencies kafkaRoundTrip(KafkaServer kafka, int count) throws Exception {
        String topic = "bench-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "bench"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "create")).get();
            TopicPartition partition = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).filter(p -> p.partition() == 0).findFirst().orElseThrow();
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            return Latencies.measure(100, count, () -> {
                producer.send(new ProducerRecord<>(topic, 0, "k", "{\"payload\":\"" + UUID.randomUUID() + "\"}")).get();
                while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    Thread.onSpinWait();
                }
            });
        }
    }
}
