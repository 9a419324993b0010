package dev.commonhold.devstack;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite for ledger postings (issue 17): settlements are published to the trust account at a
 * steady rate while, one after another, (a) the Kafka broker is stopped and restarted, (b) the trust
 * account is killed with SIGKILL mid-batch and restarted, (c) its PostgreSQL is restarted, and (d) events
 * are duplicated (the same event twice, and the same settlement under a new event id), reordered, and
 * redelivered (its consumer group rewound). Afterwards, per fault: attempted, acknowledged by Kafka,
 * posted, duplicates, lost — the last two must be 0 — and the books balance and verify. Seeded
 * ({@code -Dfaults.seed}); {@code -Dfaults.seconds} sets each fault's window (CI: 6 s).
 */
@org.junit.jupiter.api.Order(0) // before the shared demo stack starts (DemoStack): never two stacks at once
class FaultSuiteIT {

    private static final int PER_SECOND = 40;
    private static final String LOG = "target/fault-logs/trust-account.log";

    private final long seed = Long.getLong("faults.seed", System.nanoTime());
    private final int seconds = Integer.getInteger("faults.seconds", 6);
    private final Random random = new Random(seed);
    private final UUID community = UUID.randomUUID();
    private final EventSchemas schemas = new EventSchemas();
    private final Map<Integer, EventEnvelope> published = new ConcurrentHashMap<>();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger(1);
    private final AtomicBoolean duplicating = new AtomicBoolean();
    private final AtomicBoolean driving = new AtomicBoolean(true);

    @Test
    void underEachFaultEverySettlementIsPostedOnceAndTheBooksVerify() throws Exception {
        Assumptions.assumeTrue(Infra.postgres() instanceof EmbeddedPostgresServer,
                "restarting PostgreSQL under the service needs a server of the test's own on this machine");
        System.out.println("fault suite: seed " + seed);
        Path logs = Files.createDirectories(Path.of("target", "fault-logs"));
        Path data = Files.createTempDirectory("fault-pg");
        int pgPort = Ports.free();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(data, pgPort, logs.resolve("postgres.log"));
        String database = "faults";
        Services.Spec spec = Services.trustAccount(RepoRoot.locate(), new Services.Infrastructure(postgres.jdbcUrl(database),
                Infra.kafka().bootstrapServers(), Infra.tokens().issuerUri()), Ports.free());
        Databases.prepare(postgres, database, List.of(spec));
        TrustBooks books = new TrustBooks(postgres, database);
        FaultWindows windows = new FaultWindows(next);

        ServiceProcess trust = ServiceProcess.start(spec, logs);
        try (KafkaProducer<String, String> producer = producer()) {
            trust.awaitReady(Duration.ofMinutes(2));
            TrustBooks.community(community);
            books.await("SELECT count(*) FROM trust_account.community WHERE id = '" + community + "'", n -> n == 1, LOG);
            Thread driver = Thread.ofVirtual().start(() -> drive(producer));
            try {
                windows.apply("(a) Kafka broker stopped and restarted", () -> {
                    Infra.kafka().stop();
                    Thread.sleep(seconds * 1_000L);
                    Infra.kafka().start();
                });
                ServiceProcess[] current = {trust};
                windows.apply("(b) trust account killed (SIGKILL) mid-batch and restarted", () -> {
                    current[0].kill();
                    current[0] = ServiceProcess.start(spec, logs);
                    current[0].awaitReady(Duration.ofMinutes(2));
                });
                EmbeddedPostgresServer[] server = {postgres};
                windows.apply("(c) its PostgreSQL restarted", () -> {
                    server[0].close();
                    Thread.sleep(2_000);
                    server[0] = EmbeddedPostgresServer.persistent(data, pgPort, logs.resolve("postgres.log"));
                });
                windows.apply("(d) events duplicated, reordered and redelivered", () -> {
                    duplicating.set(true);
                    Thread.sleep(seconds * 1_000L);
                    current[0].close();
                    ConsumerGroups.rewind("trust-account", "billing.events", Duration.ofSeconds(seconds));
                    current[0] = ServiceProcess.start(spec, logs);
                    current[0].awaitReady(Duration.ofMinutes(2));
                    duplicating.set(false);
                });
                trust = current[0];
                postgres = server[0];
            } finally {
                driving.set(false);
                driver.join();
            }
            TrustBooks after = new TrustBooks(postgres, database);
            awaitAcknowledgedPosted(after);
            Thread.sleep(3_000); // anything delivered twice would land now
            report(after, windows.all());
        } finally {
            trust.close();
            postgres.close();
        }
    }

    /**
     * Settlement after settlement at a steady rate, whatever Kafka is doing (as billing's outbox takes them
     * while the broker is away); a sender hands them to Kafka, blocking when it must. While duplicating,
     * each goes twice (once under a new event id too), in shuffled batches.
     */
    private void drive(KafkaProducer<String, String> producer) {
        java.util.concurrent.BlockingQueue<List<EventEnvelope>> outbox = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread sender = Thread.ofVirtual().start(() -> send(producer, outbox));
        try {
            while (driving.get()) {
                List<EventEnvelope> batch = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    int i = next.getAndIncrement();
                    EventEnvelope event = TrustBooks.settlement(schemas, community, settlementId(i), i);
                    published.put(i, event);
                    batch.add(event);
                    if (duplicating.get()) {
                        batch.add(event); // the same event twice
                        batch.add(TrustBooks.settlement(schemas, community, settlementId(i), i)); // the same settlement, another event id
                    }
                }
                if (duplicating.get()) {
                    Collections.shuffle(batch, random);
                }
                outbox.add(batch);
                Thread.sleep(8_000L / PER_SECOND);
            }
            outbox.add(List.of()); // the end
            sender.join();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
        }
        producer.flush();
        resendUnacknowledged(producer);
    }

    private void send(KafkaProducer<String, String> producer, java.util.concurrent.BlockingQueue<List<EventEnvelope>> outbox) {
        try {
            for (List<EventEnvelope> batch = outbox.take(); !batch.isEmpty(); batch = outbox.take()) {
                for (EventEnvelope event : batch) {
                    int i = number(event);
                    producer.send(EventRecords.of(event), (meta, failure) -> {
                        if (failure == null) {
                            acknowledged.add(i);
                        }
                    });
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** What Kafka never acknowledged (sent while the broker was away and timed out) is sent again, as billing's outbox would. */
    private void resendUnacknowledged(KafkaProducer<String, String> producer) {
        for (int round = 0; round < 5 && acknowledged.size() < published.size(); round++) {
            published.forEach((i, event) -> {
                if (!acknowledged.contains(i)) {
                    producer.send(EventRecords.of(event), (meta, failure) -> {
                        if (failure == null) {
                            acknowledged.add(i);
                        }
                    });
                }
            });
            producer.flush();
        }
    }

    private int number(EventEnvelope event) {
        return (int) (event.payload().get("amountFen").asLong() / 10);
    }

    private UUID settlementId(int i) {
        return UUID.nameUUIDFromBytes(("fault-suite " + seed + " " + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Until every acknowledged settlement is in the books, or two minutes: then the report says which are missing and where. */
    private void awaitAcknowledgedPosted(TrustBooks books) throws InterruptedException {
        for (int second = 0; second < 120; second++) {
            Set<String> posted = books.rows("SELECT DISTINCT source FROM trust_account.journal_entry").stream().map(r -> r.getFirst())
                    .collect(Collectors.toSet());
            if (acknowledged.stream().allMatch(i -> posted.contains("billing.settlement:" + settlementId(i)))) {
                return;
            }
            Thread.sleep(1_000);
        }
    }

    private void report(TrustBooks books, List<FaultWindows.Window> windows) {
        Map<String, Long> postedBySource = new LinkedHashMap<>();
        books.rows("SELECT source, count(*) FROM trust_account.journal_entry GROUP BY source")
                .forEach(r -> postedBySource.put(r.get(0), Long.parseLong(r.get(1))));
        List<String> findings = new ArrayList<>();
        System.out.printf("fault suite: seed %d, %d s a fault, %d settlements a second%n", seed, seconds, PER_SECOND);
        System.out.printf("  %-62s %9s %12s %7s %10s %5s%n", "fault", "attempted", "acknowledged", "posted", "duplicates", "lost");
        for (FaultWindows.Window w : windows) {
            long attempted = 0, acked = 0, posted = 0, duplicates = 0, lost = 0;
            for (int i = w.first(); i <= w.last(); i++) {
                if (!published.containsKey(i)) {
                    continue;
                }
                attempted++;
                long times = postedBySource.getOrDefault("billing.settlement:" + settlementId(i), 0L);
                posted += Math.min(times, 1);
                duplicates += Math.max(0, times - 1);
                if (acknowledged.contains(i)) {
                    acked++;
                    lost += times == 0 ? 1 : 0;
                }
            }
            System.out.printf("  %-62s %9d %12d %7d %10d %5d%n", w.fault(), attempted, acked, posted, duplicates, lost);
            if (duplicates > 0 || lost > 0 || attempted == 0) {
                findings.add("%s: %d attempted, %d duplicates, %d lost".formatted(w.fault(), attempted, duplicates, lost));
            }
        }
        long all = postedBySource.size();
        assertThat(findings).as("faults with a duplicate or a loss (replay with -Dfaults.seed=" + seed + ")").isEmpty();
        assertThat(postedBySource.values().stream().filter(n -> n > 1).count()).as("settlements posted twice, any window").isZero();
        assertThat(acknowledged.stream().filter(i -> !postedBySource.containsKey("billing.settlement:" + settlementId(i))).collect(Collectors.toList()))
                .as("acknowledged settlements never posted").isEmpty();
        assertThat(books.count("SELECT coalesce(sum(balance_fen), 0) FROM trust_account.ledger_account")).as("trial balance").isZero();
        assertThat(books.verify(all)).as("the journal verifier's findings").isEmpty();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer());
    }
}
