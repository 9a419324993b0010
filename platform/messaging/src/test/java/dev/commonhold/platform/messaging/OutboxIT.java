package dev.commonhold.platform.messaging;

import dev.commonhold.platform.messaging.MessagingTestApplication.ThingHappened;
import dev.commonhold.platform.messaging.outbox.Outbox;
import dev.commonhold.platform.messaging.outbox.OutboxRelay;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.commonhold.platform.messaging.MessagingTestApplication.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox, relay and inbox against real PostgreSQL and Kafka, with the failures that happen in production. */
@IntegrationTest
class OutboxIT {

    private static final UUID COMMUNITY = UUID.randomUUID();

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void restoreRelayAndDatabase() {
        Infra.kafka().start();
        jdbc.execute("DROP TRIGGER IF EXISTS crash_before_mark ON outbox_event");
        relay.start();
    }

    @Test
    void committedEventIsPublishedAndAppliedOnce() {
        EventEnvelope sent = publishInTransaction(new ThingHappened(UUID.randomUUID(), 12_345));

        awaitApplied(sent);
        assertThat(effectsOf(sent)).isEqualTo(1);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID thing = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            outbox.append(event(new ThingHappened(thing, 1)));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE envelope LIKE ?", Long.class, "%" + thing + "%")).isZero();
    }

    @Test
    void eventThatBreaksItsContractIsRefusedAndNothingIsWritten() {
        UUID thing = UUID.randomUUID();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                outbox.append(new NewEvent(TYPE, COMMUNITY, thing, java.util.Map.of("thingId", thing, "amountFen", "lots"),
                        NewEvent.PartitionKey.COMMUNITY))))
                .hasMessageContaining("does not keep its contract").hasMessageContaining("amountFen");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE envelope LIKE ?", Long.class, "%" + thing + "%")).isZero();
    }

    @Test
    void relayKilledBetweenCommitAndPublishDeliversOnceAfterRestart() {
        relay.stop();
        EventEnvelope sent = publishInTransaction(new ThingHappened(UUID.randomUUID(), 500));
        assertThat(copiesOnKafka(sent, Duration.ofSeconds(2))).as("nothing published while the relay is down").isZero();

        relay.start();

        awaitApplied(sent);
        assertThat(copiesOnKafka(sent, Duration.ofSeconds(2))).isEqualTo(1);
        assertThat(effectsOf(sent)).isEqualTo(1);
    }

    @Test
    void relayCrashingAfterKafkaAcknowledgedButBeforeMarkingSendsAgainAndTheConsumerAppliesItOnce() {
        refuseMarking();
        EventEnvelope sent = publishInTransaction(new ThingHappened(UUID.randomUUID(), 700));
        await().atMost(Duration.ofSeconds(30)).until(() -> copiesOnKafka(sent, Duration.ofMillis(500)) >= 2);

        allowMarking();

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount() == 0);
        awaitApplied(sent);
        assertThat(copiesOnKafka(sent, Duration.ofSeconds(1))).as("duplicates really reached Kafka").isGreaterThanOrEqualTo(2);
        assertThat(effectsOf(sent)).as("but the effect happened once").isEqualTo(1);
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEventsArriveWhenItIsBack() {
        Infra.kafka().stop();
        long started = System.nanoTime();
        EventEnvelope sent = publishInTransaction(new ThingHappened(UUID.randomUUID(), 900));
        Duration commit = Duration.ofNanos(System.nanoTime() - started);
        assertThat(commit).as("a write does not wait for Kafka").isLessThan(Duration.ofSeconds(2));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> pendingCount() >= 1);

        Infra.kafka().start();

        awaitApplied(sent);
        assertThat(effectsOf(sent)).isEqualTo(1);
    }

    @Test
    void aRowThatStandsForManyEventsIsPublishedAsEachOfThemInOrderAndEachIsAppliedOnce() {
        long first = 1_000_000 + (System.nanoTime() & 0xFFFFF) * 1_000;
        transaction.executeWithoutResult(status -> appendRange(first, 450)); // more than a relay batch (200)

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOfRange(first, 450) == 450);
        assertThat(pendingCount()).isZero();
        List<Long> published = TopicReader.readAll(Infra.kafka().bootstrapServers(), "testing.events", Duration.ofSeconds(1)).stream()
                .map(ConsumerRecord::value).filter(v -> v.startsWith("{")) // DeadLetterIT puts garbage on this topic
                .map(EventJson::read).filter(e -> inRange(e, first, 450))
                .map(e -> e.payload().get("amountFen").asLong()).toList();
        assertThat(published).as("every event of the row, once, in the row's order").hasSize(450).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aRowOfManyEventsResentAfterACrashBeforeMarkingIsTheSameBytesAndAppliedOnce() {
        refuseMarking();
        long first = 2_000_000_000L + (System.nanoTime() & 0xFFFFF) * 1_000;
        transaction.executeWithoutResult(status -> appendRange(first, 3));
        String eventId = MessagingTestApplication.eventNumber(first + 1).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> copies(eventId).size() >= 2);

        allowMarking();

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount() == 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOfRange(first, 3) == 3);
        assertThat(copies(eventId)).as("sent more than once, the same bytes each time").hasSizeGreaterThanOrEqualTo(2).containsOnly(copies(eventId).getFirst());
        assertThat(effectsOfRange(first, 3)).as("each applied once").isEqualTo(3);
    }

    /** The database refuses to mark events as published, as if the relay died right after Kafka's ack. */
    private void refuseMarking() {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION refuse_mark() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN IF NEW.published_at IS NOT NULL THEN RAISE EXCEPTION 'relay crashed before marking'; END IF; RETURN NEW; END $$""");
        jdbc.execute("CREATE TRIGGER crash_before_mark BEFORE UPDATE ON outbox_event FOR EACH ROW EXECUTE FUNCTION refuse_mark()");
    }

    private void allowMarking() {
        jdbc.execute("DROP TRIGGER crash_before_mark ON outbox_event");
    }

    private void appendRange(long first, int count) {
        jdbc.update("INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope) VALUES (?, 'testing.events', ?, ?, ?)",
                UUID.randomUUID(), COMMUNITY.toString(), MessagingTestApplication.RANGE,
                "{\"first\":%d,\"count\":%d,\"communityId\":\"%s\"}".formatted(first, count, COMMUNITY));
    }

    private static boolean inRange(EventEnvelope e, long first, int count) {
        long n = e.payload().get("amountFen").asLong();
        return e.aggregateId().equals(MessagingTestApplication.thingNumber(n)) && n >= first && n < first + count;
    }

    private long effectsOfRange(long first, int count) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE amount_fen >= ? AND amount_fen < ?", Long.class, first, first + count);
    }

    private static List<String> copies(String eventId) {
        return TopicReader.readAll(Infra.kafka().bootstrapServers(), "testing.events", Duration.ofMillis(500)).stream()
                .map(ConsumerRecord::value).filter(v -> v.contains(eventId)).toList();
    }

    private EventEnvelope publishInTransaction(ThingHappened thing) {
        return transaction.execute(status -> outbox.append(event(thing)));
    }

    private static NewEvent event(ThingHappened thing) {
        return new NewEvent(TYPE, COMMUNITY, thing.thingId(), thing, NewEvent.PartitionKey.COMMUNITY);
    }

    private void awaitApplied(EventEnvelope sent) {
        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(sent) > 0);
    }

    private long effectsOf(EventEnvelope sent) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE event_id = ?", Long.class, sent.eventId());
    }

    private long pendingCount() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Long.class);
    }

    private static long copiesOnKafka(EventEnvelope sent, Duration wait) {
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(Infra.kafka().bootstrapServers(), "testing.events", wait);
        return records.stream().filter(r -> r.value().contains(sent.eventId().toString())).count();
    }
}
