package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;
import dev.commonhold.simulator.ChannelSimulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The fault suite for payments and parking exits (issue 17): cars leave a lot at a steady rate and pay at the exit
 * through WeChat Pay — the gate camera's entry and exit reads to parking, parking's fee raised as a charge on
 * parking.events, the order opened at billing from the QR code, paid at the channel (the simulator), notified to
 * billing, settled, the session marked paid in parking and the fee posted to the owners' books in the trust account —
 * while one after another (a) the Kafka broker stops and restarts, (b) billing is killed with SIGKILL mid-batch and
 * restarted, (c) the PostgreSQL of billing, parking and the trust account restarts, (d) notifications come three times
 * and out of order and the trust account's consumer group is rewound (everything redelivered), and (e) the channel
 * goes slow — notifications late or never, its order query not answering for the window, so only billing's query
 * after the channel recovers finds those payments. Afterwards, per fault: attempted (paid at the channel),
 * acknowledged (billing answered a notification 2xx), settled, exits paid in parking, posted, duplicates and lost —
 * the last two must be 0 — and every charge invoiced once, every outbox delivered, trial balance zero, the journal
 * verified. Seeded ({@code -Dfaults.seed}); {@code -Dfaults.seconds} sets each fault's window (CI: 6 s).
 */
@org.junit.jupiter.api.Order(0) // before the shared demo stack starts (DemoStack): never two stacks at once
class PaymentFaultSuiteIT {

    private static final int PER_SECOND = 5;
    private static final Path LOGS = Path.of("target", "payment-fault-logs");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENTRY = "VZ-FAULT-IN";
    private static final String EXIT = "VZ-FAULT-OUT";

    private final long seed = Long.getLong("faults.seed", System.nanoTime());
    private final int seconds = Integer.getInteger("faults.seconds", 6);
    private final Random random = new Random(seed);
    private final UUID community = UUID.randomUUID();
    private final UUID operator = UUID.randomUUID();
    private final String camera = Infra.tokens().user("gate-fault-suite").roles("gate-device").company(operator).token();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Integer, Exit> exits = new ConcurrentHashMap<>();
    /** What billing answered the channel's notifications, by status: the report prints it. */
    private final Map<String, AtomicInteger> answers = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private final AtomicBoolean driving = new AtomicBoolean(true);
    private volatile Channel channel = Channel.PROMPT;
    private String billingUrl;
    private String parkingUrl;
    private ChannelSimulator simulator;

    /** How the channel delivers its notifications while a fault lasts. */
    private enum Channel { PROMPT, REPEATED_OUT_OF_ORDER, SLOW_OR_SILENT }

    /** One car's stay: its exit's charge, and what happened to its payment. */
    private static final class Exit {
        final int number;
        volatile UUID chargeId;
        volatile long amountFen;
        volatile boolean paidAtChannel;
        volatile boolean acknowledged;
        volatile String failure;

        Exit(int number) {
            this.number = number;
        }
    }

    @Test
    void underEachFaultEveryPaymentIsSettledAndPostedOnceAndTheBooksVerify() throws Exception {
        Assumptions.assumeTrue(Infra.postgres() instanceof EmbeddedPostgresServer,
                "restarting PostgreSQL under the services needs a server of the test's own on this machine");
        System.out.println("payment fault suite: seed " + seed);
        Files.createDirectories(LOGS);
        Path data = Files.createTempDirectory("payment-fault-pg");
        int pgPort = Ports.free();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(data, pgPort, LOGS.resolve("postgres.log"));
        String database = "payfaults";
        Services.Infrastructure infra = new Services.Infrastructure(postgres.jdbcUrl(database), Infra.kafka().bootstrapServers(),
                Infra.tokens().issuerUri());
        Channels channels = new Channels();
        int simulatorPort = Ports.free();
        Services.Spec billing = Services.billing(RepoRoot.locate(), infra, Ports.free(), channels.billingEnvironment(simulatorPort));
        // An order neither notified nor paid is looked up with the channel after 3 s, every 2 s (minutes on a server).
        billing.environment().put("BILLING_CHANNELS_PENDING_QUERY_AFTER", "PT3S");
        billing.environment().put("BILLING_CHANNELS_PENDING_CHECK_EVERY", "PT2S");
        Services.Spec trust = Services.trustAccount(RepoRoot.locate(), infra, Ports.free());
        Services.Spec parking = Services.parking(RepoRoot.locate(), infra, Ports.free());
        Databases.prepare(postgres, database, List.of(billing, trust, parking));
        billingUrl = "http://localhost:" + billing.port();
        parkingUrl = "http://localhost:" + parking.port() + "/api/parking/communities/" + community;
        simulator = channels.simulator(billingUrl, simulatorPort);
        FaultWindows windows = new FaultWindows(next);
        ServiceProcess[] billings = {ServiceProcess.start(billing, LOGS)};
        ServiceProcess[] trusts = {ServiceProcess.start(trust, LOGS)};
        ServiceProcess parkingProcess = ServiceProcess.start(parking, LOGS);
        EmbeddedPostgresServer[] server = {postgres};
        try {
            billings[0].awaitReady(Duration.ofMinutes(2));
            trusts[0].awaitReady(Duration.ofMinutes(2));
            parkingProcess.awaitReady(Duration.ofMinutes(2));
            TrustBooks.community(community, operator);
            TrustBooks books = new TrustBooks(postgres, database);
            books.await("SELECT count(*) FROM billing.community WHERE id = '" + community + "'", n -> n == 1, LOGS + "/billing.log");
            books.await("SELECT count(*) FROM trust_account.community WHERE id = '" + community + "'", n -> n == 1, LOGS + "/trust-account.log");
            books.await("SELECT count(*) FROM parking.community WHERE id = '" + community + "'", n -> n == 1, LOGS + "/parking.log");
            openTheLot();
            List<Thread> drivers = new ArrayList<>();
            Thread gate = Thread.ofVirtual().start(() -> drive(drivers));
            try {
                windows.apply("(a) Kafka broker stopped and restarted", () -> {
                    Infra.kafka().stop();
                    Thread.sleep(seconds * 1_000L);
                    Infra.kafka().start();
                });
                windows.apply("(b) billing killed (SIGKILL) mid-batch and restarted", () -> {
                    billings[0].kill();
                    billings[0] = ServiceProcess.start(billing, LOGS);
                    billings[0].awaitReady(Duration.ofMinutes(2));
                });
                windows.apply("(c) PostgreSQL of billing, parking and the trust account restarted", () -> {
                    server[0].close();
                    Thread.sleep(2_000);
                    server[0] = EmbeddedPostgresServer.persistent(data, pgPort, LOGS.resolve("postgres.log"));
                });
                windows.apply("(d) notifications repeated, reordered; events redelivered", () -> {
                    channel = Channel.REPEATED_OUT_OF_ORDER;
                    Thread.sleep(seconds * 1_000L);
                    trusts[0].close();
                    ConsumerGroups.rewind("trust-account", "billing.events", Duration.ofSeconds(seconds));
                    trusts[0] = ServiceProcess.start(trust, LOGS);
                    trusts[0].awaitReady(Duration.ofMinutes(2));
                    channel = Channel.PROMPT;
                });
                windows.apply("(e) channel slow: notifications late or lost, queries unanswered", () -> {
                    channel = Channel.SLOW_OR_SILENT;
                    simulator.delayQueries(Duration.ofSeconds(30)); // past billing's 10 s timeout: no answer at all
                    Thread.sleep(seconds * 1_000L);
                    channel = Channel.PROMPT;
                    simulator.delayQueries(Duration.ZERO);
                });
            } finally {
                driving.set(false);
                gate.join();
                for (Thread driver : drivers) {
                    driver.join();
                }
            }
            TrustBooks after = new TrustBooks(server[0], database);
            awaitPaidPosted(after);
            Thread.sleep(3_000); // anything settled or posted twice would land now
            report(after, windows.all());
        } finally {
            simulator.close();
            billings[0].close();
            trusts[0].close();
            parkingProcess.close();
            server[0].close();
        }
    }

    /** A car at the exit every 1/{@value #PER_SECOND} s, each on a thread of its own: a slow billing slows no other driver. */
    private void drive(List<Thread> drivers) {
        while (driving.get()) {
            int i = next.getAndIncrement();
            Exit exit = new Exit(i);
            exits.put(i, exit);
            Channel how = channel;
            long jitter = how == Channel.REPEATED_OUT_OF_ORDER ? random.nextInt(1_500) : 0;
            synchronized (drivers) {
                drivers.add(Thread.ofVirtual().start(() -> leave(exit, how, jitter)));
            }
            sleep(1_000L / PER_SECOND);
        }
    }

    /**
     * The camera reads the car in (95 minutes ago) and out (now); parking answers the fee and the QR code's address
     * and raises the charge; the driver scans it and pays; the channel notifies billing as it does at the time.
     */
    private void leave(Exit exit, Channel how, long jitter) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            String plate = "京N%05d".formatted(exit.number);
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            post(parkingUrl + "/gate-events", camera, gateRead(ENTRY, "in", exit, plate, now.minus(Duration.ofMinutes(95))), deadline, false);
            JsonNode out = post(parkingUrl + "/gate-events", camera, gateRead(EXIT, "out", exit, plate, now), deadline, false);
            assertThat(out.get("open").asBoolean()).as("the barrier waits for the fee").isFalse();
            exit.amountFen = out.get("feeFen").asLong();
            String payUrl = out.get("payUrl").asString();
            exit.chargeId = UUID.fromString(payUrl.replaceAll(".*/charges/([^/]+)/channel-orders$", "$1"));
            String outTradeNo = openOrder(exit, payUrl, deadline);
            sleep(jitter); // out of order: a later driver's notification may come first
            exit.paidAtChannel = true;
            int times = switch (how) {
                case PROMPT -> 1;
                case REPEATED_OUT_OF_ORDER -> 3;
                case SLOW_OR_SILENT -> exit.number % 2 == 0 ? 0 : 1;
            };
            long delay = how == Channel.SLOW_OR_SILENT ? 4_000 : how == Channel.REPEATED_OUT_OF_ORDER ? random.nextInt(400) : 0;
            try {
                ChannelSimulator.Delivery delivery = simulator.payWechat(outTradeNo, exit.amountFen, times, delay);
                delivery.answers().forEach(a -> answers.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet());
                exit.acknowledged = delivery.answers().stream().anyMatch(a -> a.startsWith("2"));
            } catch (RuntimeException billingAway) {
                answers.computeIfAbsent("no answer", k -> new AtomicInteger()).incrementAndGet();
                exit.acknowledged = false; // billing was down: the channel's notification failed; billing's query must find the payment
            }
        } catch (RuntimeException e) {
            exit.failure = e.toString();
        }
    }

    private static Map<String, Object> gateRead(String gate, String direction, Exit exit, String plate, java.time.Instant at) {
        return Map.of("gateSerial", gate, "cameraEventId", direction + "-" + exit.number, "plate", plate, "capturedAt", at.toString(), "confidence", 95);
    }

    /**
     * Sends until answered 2xx: while the service is away (no connection, 5xx) and, when {@code waitingFor404}, while what the
     * request names has not reached it yet. A camera's resend is answered as before (its event id makes it one read).
     */
    private JsonNode post(String url, String token, Object body, long deadline, boolean waitingFor404) {
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return JSON.readTree(answer.body());
                }
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() / 100 == 4 && !(waitingFor404 && answer.statusCode() == 404)) {
                    throw new IllegalStateException(url + " refused " + body + ": " + last);
                }
            } catch (java.io.IOException away) {
                last = away.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        throw new IllegalStateException("no answer from " + url + " within " + PATIENCE + ": " + last);
    }

    /** The lot the cars use: 240 spaces on common land for visitors (their fees are the owners' income), two gates, a tariff. */
    private void openTheLot() {
        String staff = Infra.tokens().user("staff-fault-suite").roles("operator-staff").company(operator).token();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Object> lot = new HashMap<>(Map.of("name", "故障演练停车场", "capacity", 300, "visitorSpaceKind", "COMMON_LAND",
                "minimumFeeFen", 500, "maxHourFen", 800, "maxDailyFen", 5000, "permitQuota", 60, "permitMonthlyFen", 30000,
                "permitSpaceKind", "OPERATOR_OWNED", "permitGraceDays", 3));
        String lotUrl = parkingUrl + "/lots/" + post(parkingUrl + "/lots", staff, lot, deadline, false).get("id").asString();
        List<Map<String, Object>> spaces = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            spaces.add(i < 240 ? Map.of("number", "G-%03d".formatted(i + 1), "kind", "COMMON_LAND")
                    : Map.of("number", "B1-%03d".formatted(i - 239), "kind", "OPERATOR_OWNED"));
        }
        post(lotUrl + "/spaces", staff, Map.of("spaces", spaces), deadline, false);
        post(lotUrl + "/gates", staff, Map.of("serial", ENTRY, "name", "入口", "direction", "ENTRY"), deadline, false);
        post(lotUrl + "/gates", staff, Map.of("serial", EXIT, "name", "出口", "direction", "EXIT"), deadline, false);
        Map<String, Object> visitors = new HashMap<>(Map.of("audience", "VISITOR", "effectiveFrom", java.time.Instant.now().minus(Duration.ofDays(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "freeMinutes", 30, "unitMinutes", 60, "firstHourFen", 600, "nextHourFen", 400));
        visitors.put("dailyCapFen", 4000);
        post(lotUrl + "/tariffs", staff, visitors, deadline, false);
    }

    /**
     * The QR code's order at billing, once billing has the charge (404 before) and is up. No Idempotency-Key: a 404 kept
     * under one would be replayed to every try; an order opened twice is harmless (only the one the driver pays is paid).
     */
    private String openOrder(Exit exit, String payUrl, long deadline) {
        JsonNode order = post(billingUrl + payUrl, null, Map.of("channel", "WECHAT_PAY"), deadline, true);
        assertThat(order.get("amountFen").asLong()).isEqualTo(exit.amountFen);
        return order.get("outTradeNo").asString();
    }

    /** Until every exit paid at the channel is posted and its session paid, or three minutes: then the report says which are missing. */
    private void awaitPaidPosted(TrustBooks books) throws InterruptedException {
        for (int second = 0; second < 180; second++) {
            Map<UUID, Integer> posted = postedByCharge(books);
            Set<UUID> paidSessions = paidSessions(books);
            if (exits.values().stream().filter(e -> e.paidAtChannel)
                    .allMatch(e -> posted.getOrDefault(e.chargeId, 0) > 0 && paidSessions.contains(e.chargeId))) {
                return;
            }
            Thread.sleep(1_000);
        }
    }

    /** The charges of the sessions parking marks paid (the barrier opens for them). */
    private Set<UUID> paidSessions(TrustBooks books) {
        return books.rows("SELECT charge_id FROM parking.session WHERE community_id = '" + community + "' AND status = 'PAID'").stream()
                .map(r -> UUID.fromString(r.getFirst())).collect(Collectors.toSet());
    }

    /** Billing's settlements of this community's charges: settlement id → charge. */
    private Map<String, UUID> settlements(TrustBooks books) {
        return books.rows("SELECT s.id, l.charge_id FROM billing.settlement s JOIN billing.invoice_line l ON l.id = s.line_id WHERE l.community_id = '"
                + community + "'").stream().collect(Collectors.toMap(r -> r.get(0), r -> UUID.fromString(r.get(1))));
    }

    /** How many journal entries the trust account posted for each charge's settlements. */
    private Map<UUID, Integer> postedByCharge(TrustBooks books) {
        Map<String, UUID> settlements = settlements(books);
        Map<UUID, Integer> posted = new HashMap<>();
        books.rows("SELECT source, count(*) FROM trust_account.journal_entry WHERE source LIKE 'billing.settlement:%' GROUP BY source").forEach(r -> {
            UUID charge = settlements.get(r.get(0).substring("billing.settlement:".length()));
            if (charge != null) {
                posted.merge(charge, Integer.parseInt(r.get(1)), Integer::sum);
            }
        });
        return posted;
    }

    private void report(TrustBooks books, List<FaultWindows.Window> windows) throws InterruptedException {
        Map<UUID, Long> settledByCharge = settlements(books).values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        Map<UUID, Integer> posted = postedByCharge(books);
        Set<UUID> paidSessions = paidSessions(books);
        List<String> findings = new ArrayList<>();
        System.out.printf("payment fault suite: seed %d, %d s a fault, %d exits a second%n", seed, seconds, PER_SECOND);
        System.out.printf("  %-66s %9s %12s %7s %10s %7s %10s %5s%n", "fault", "attempted", "acknowledged", "settled", "exits paid", "posted",
                "duplicates", "lost");
        for (FaultWindows.Window w : windows) {
            long attempted = 0, acked = 0, settled = 0, exitsPaid = 0, postedOnce = 0, duplicates = 0, lost = 0;
            for (int i = w.first(); i <= w.last(); i++) {
                Exit exit = exits.get(i);
                if (exit == null || !exit.paidAtChannel) {
                    continue;
                }
                attempted++;
                acked += exit.acknowledged ? 1 : 0;
                long s = settledByCharge.getOrDefault(exit.chargeId, 0L);
                int p = posted.getOrDefault(exit.chargeId, 0);
                boolean sessionPaid = paidSessions.contains(exit.chargeId);
                settled += Math.min(s, 1);
                exitsPaid += sessionPaid ? 1 : 0;
                postedOnce += Math.min(p, 1);
                duplicates += Math.max(0, s - 1) + Math.max(0, p - 1);
                lost += p == 0 || !sessionPaid ? 1 : 0;
            }
            System.out.printf("  %-66s %9d %12d %7d %10d %7d %10d %5d%n", w.fault(), attempted, acked, settled, exitsPaid, postedOnce, duplicates, lost);
            if (duplicates > 0 || lost > 0 || attempted == 0) {
                findings.add("%s: %d attempted, %d duplicates, %d lost".formatted(w.fault(), attempted, duplicates, lost));
            }
        }
        System.out.println("  billing's answers to the channel's notifications: " + answers);
        List<String> failed = exits.values().stream().filter(e -> e.failure != null).map(e -> e.number + ": " + e.failure).toList();
        assertThat(failed).as("exits whose driver could not pay (parking or billing never answered)").isEmpty();
        assertThat(findings).as("faults with a duplicate or a loss (replay with -Dfaults.seed=" + seed + ")").isEmpty();
        assertThat(books.count("SELECT count(*) FROM (SELECT charge_id FROM billing.invoice_line WHERE community_id = '" + community
                + "' GROUP BY charge_id HAVING count(*) > 1) twice")).as("charges invoiced twice").isZero();
        assertThat(books.count("SELECT count(DISTINCT charge_id) FROM billing.invoice_line WHERE community_id = '" + community + "'"))
                .as("every fee raised is invoiced").isEqualTo(exits.size());
        books.await("SELECT count(*) FROM billing.outbox_event WHERE published_at IS NULL", n -> n == 0, LOGS + "/billing.log");
        books.await("SELECT count(*) FROM trust_account.outbox_event WHERE published_at IS NULL", n -> n == 0, LOGS + "/trust-account.log");
        books.await("SELECT count(*) FROM parking.outbox_event WHERE published_at IS NULL", n -> n == 0, LOGS + "/parking.log");
        assertThat(books.count("SELECT coalesce(sum(balance_fen), 0) FROM trust_account.ledger_account")).as("trial balance").isZero();
        assertThat(books.verify(books.entries())).as("the journal verifier's findings").isEmpty();
        Set<UUID> paid = exits.values().stream().filter(e -> e.paidAtChannel).map(e -> e.chargeId).collect(Collectors.toSet());
        assertThat(paid.stream().filter(c -> !posted.containsKey(c)).toList()).as("paid at the channel, never in the owners' books").isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
