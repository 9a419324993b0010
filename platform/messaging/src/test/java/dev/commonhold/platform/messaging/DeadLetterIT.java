package dev.commonhold.platform.messaging;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages that can never be applied go to <topic>.dlt with the reason, and change nothing. */
@IntegrationTest
class DeadLetterIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void messageThatIsNotJsonGoesToTheDeadLetterTopicWithTheReason() {
        String marker = "garbage-" + UUID.randomUUID();
        produce(marker + " {not json");

        ConsumerRecord<String, String> dead = awaitDeadLetter(marker);

        assertThat(reason(dead)).contains("not JSON");
    }

    @Test
    void eventWhosePayloadBreaksItsContractGoesToTheDeadLetterTopicAndIsNotApplied() {
        UUID eventId = UUID.randomUUID();
        String envelope = EventJson.write(new EventEnvelope(eventId, MessagingTestApplication.TYPE, Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), null, EventJson.toTree(Map.of("thingId", "not-a-uuid", "amountFen", 1))));
        produce(envelope);

        ConsumerRecord<String, String> dead = awaitDeadLetter(eventId.toString());

        assertThat(reason(dead)).contains("breaks its contract").contains("thingId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE event_id = ?", Long.class, eventId)).isZero();
    }

    @Test
    void aPoisonEventAmongGoodOnesIsDeadLetteredAloneAndTheOthersAreAppliedOnce() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String marker = "poison-" + UUID.randomUUID();
        String good1 = thing(before);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", Infra.kafka().bootstrapServers(),
                "linger.ms", 50), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("testing.events", "key", good1));
            producer.send(new ProducerRecord<>("testing.events", "key", good1)); // delivered twice in the same poll
            producer.send(new ProducerRecord<>("testing.events", "key", marker + " {not json"));
            producer.send(new ProducerRecord<>("testing.events", "key", thing(after)));
            producer.flush();
        }

        awaitDeadLetter(marker);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE thing_id IN (?, ?)", Long.class, before, after) == 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE thing_id = ?", Long.class, before)).isEqualTo(1);
    }

    @Test
    void aMessageOfATypeNobodyHereHandlesIsSkippedUnreadByItsHeaderAndAHandledTypeIsStillChecked() {
        String foreign = "foreign-" + UUID.randomUUID();
        String handledButBroken = "broken-" + UUID.randomUUID();
        UUID thingId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", Infra.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(typed("someone-else.thing-happened.v1", foreign + " {not even json"));
            producer.send(typed(MessagingTestApplication.TYPE, handledButBroken + " {not json"));
            producer.send(typed(MessagingTestApplication.TYPE, thing(thingId)));
            producer.flush();
        }

        // Same key, same partition: by the time the broken one is dead-lettered, the foreign one before it was passed over.
        awaitDeadLetter(handledButBroken);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE thing_id = ?", Long.class, thingId) == 1);
        assertThat(TopicReader.readAll(Infra.kafka().bootstrapServers(), "testing.events.dlt", Duration.ofSeconds(1)))
                .as("another type's message is not ours to judge").noneMatch(r -> r.value().contains(foreign));
    }

    @Test
    void anEventItsHandlerIsNotConcernedWithIsPassedOverUncheckedAndLeavesNoInboxRecord() {
        UUID notOurs = UUID.randomUUID();
        UUID ours = UUID.randomUUID();
        String brokenNotOurs = EventJson.write(new EventEnvelope(notOurs, MessagingTestApplication.TYPE, Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), null, EventJson.toTree(Map.of("thingId", "not-a-uuid", "amountFen", -5))));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", Infra.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(typed(MessagingTestApplication.TYPE, brokenNotOurs));
            producer.send(typed(MessagingTestApplication.TYPE, thing(ours)));
            producer.flush();
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE thing_id = ?", Long.class, ours) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, notOurs))
                .as("no inbox record for an event nobody here acts on").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE event_id = ?", Long.class, notOurs)).isZero();
        assertThat(TopicReader.readAll(Infra.kafka().bootstrapServers(), "testing.events.dlt", Duration.ofSeconds(1)))
                .as("its broken payload is not ours to judge").noneMatch(r -> r.value().contains(notOurs.toString()));
    }

    private static ProducerRecord<String, String> typed(String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>("testing.events", "typed", value);
        record.headers().add("type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String thing(UUID thingId) {
        return EventJson.write(new EventEnvelope(UUID.randomUUID(), MessagingTestApplication.TYPE, Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), null, EventJson.toTree(Map.of("thingId", thingId.toString(), "amountFen", 1))));
    }

    private static void produce(String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", Infra.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("testing.events", "key", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String containing) {
        List<ConsumerRecord<String, String>> dead = TopicReader.read(Infra.kafka().bootstrapServers(), "testing.events.dlt",
                Duration.ofSeconds(60), records -> records.stream().anyMatch(r -> r.value().contains(containing)));
        return dead.stream().filter(r -> r.value().contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter containing " + containing));
    }

    private static String reason(ConsumerRecord<String, String> dead) {
        return new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
    }
}
