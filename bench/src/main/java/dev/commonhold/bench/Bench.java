package dev.commonhold.bench;

import dev.commonhold.devstack.DemoSeed;
import dev.commonhold.devstack.Stack;
import dev.commonhold.platform.testkit.Directories;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.kafka.EmbeddedKafkaServer;
import dev.commonhold.platform.testkit.keycloak.EmbeddedKeycloakServer;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import dev.commonhold.platform.testkit.keycloak.KeycloakDistribution;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * bench/run.sh [all|import|gateway|assembly|billing]: starts its own infrastructure and services, measures raw
 * baselines first, then our code, and prints each result as a ratio with the absolute figures.
 */
public final class Bench {

    /**
     * The deployment's PostgreSQL settings (docker-compose.yml, postgres command), so that our code and
     * the raw baselines run against the server they will meet: memory and WAL sized for a server,
     * not the compiled-in defaults for a 128 MB machine. Durability stays on.
     */
    static final Map<String, String> SERVER_SETTINGS = Map.of("shared_buffers", "2GB", "effective_cache_size", "8GB",
            "max_wal_size", "8GB", "checkpoint_timeout", "15min", "checkpoint_completion_target", "0.9",
            // The embedded server's library starts PostgreSQL with -F (fsync off) and synchronous_commit off; a
            // benchmark of money must wait for the disk as production does, so both are put back on.
            "fsync", "on", "synchronous_commit", "on");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        System.setProperty("commonhold.devstack.fullJit", "true"); // the local stack starts services with the quick JIT only
        System.out.printf("Commonhold benchmarks (%s) on %d cores, Java %s%n", which, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        // The server's files (GBs after the billing run) go when the run ends, however it ends.
        Path data = Files.createTempDirectory("bench-pg");
        try {
            run(which, data);
        } finally {
            Directories.deleteRecursively(data);
        }
    }

    private static void run(String which, Path data) throws Exception {
        // Durable PostgreSQL (fsync and synchronous commit on), as in production: without them every commit is flattered.
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(data, Ports.free(),
                Files.createDirectories(Path.of("bench", "results")).resolve("postgres.log"), PgStatements.settings(SERVER_SETTINGS));
             EmbeddedKafkaServer kafka = EmbeddedKafkaServer.forTests();
             EmbeddedKeycloakServer keycloak = EmbeddedKeycloakServer.forTests(
                     Path.of(System.getProperty("java.io.tmpdir"), "commonhold-keycloak-" + KeycloakDistribution.VERSION),
                     Path.of("bench", "results", "keycloak.log"));
             Stack stack = Stack.start(postgres, kafka.bootstrapServers(), keycloak.issuerUri(), new Stack.Settings(
                     Path.of("").toAbsolutePath(), Path.of("bench", "results", "logs"), "bench", Ports.free(), Ports.free(),
                     Map.of("community", Ports.free(), "billing", Ports.free(), "trust-account", Ports.free(), "maintenance-fund", Ports.free(), "parking", Ports.free(),
                             "leasing", Ports.free(), "commerce", Ports.free(), "franchise", Ports.free())))) {
            String baseline = postgres.createDatabase("baseline");
            Latencies insert = RawBaselines.postgresSingleRowInsert(postgres, baseline, 2_000);
            Latencies kafkaTrip = RawBaselines.kafkaRoundTrip(kafka, 1_000);
            Report.heading("Raw baselines on this machine, this run");
            Report.line("PostgreSQL single-row insert (autocommit)", "%,.0f rows/s   p50 %.2f ms   p99 %.2f ms"
                    .formatted(insert.perSecond(), insert.p50Millis(), insert.p99Millis()));
            Report.line("Kafka produce (acks=all) -> consume, one at a time", "%,.0f msgs/s   p50 %.2f ms   p99 %.2f ms"
                    .formatted(kafkaTrip.perSecond(), kafkaTrip.p50Millis(), kafkaTrip.p99Millis()));

            KeycloakClient identity = keycloak.client();
            if (which.equals("all") || which.equals("import")) {
                importBenchmark(postgres, baseline, stack, identity, insert);
            }
            if (which.equals("all") || which.equals("gateway")) {
                gatewayBenchmark(stack, identity);
            }
            if (which.equals("all") || which.equals("assembly")) {
                assemblyBenchmark(stack, identity, insert);
            }
            if (which.equals("all") || which.equals("billing")) {
                billingBenchmark(postgres, baseline, kafka.bootstrapServers(), stack, identity, insert);
            }
            if (which.equals("all") || which.equals("ledger")) {
                ledgerBenchmark(postgres);
            }
            if (which.equals("all") || which.equals("trust")) {
                trustBenchmark(postgres, kafka.bootstrapServers(), stack, identity);
            }
            if (which.equals("all") || which.equals("fund")) {
                fundBenchmark(postgres, baseline, stack, identity);
            }
            if (which.equals("all") || which.equals("gate")) {
                gateBenchmark(stack, identity, insert);
            }
            if (which.equals("all") || which.equals("leasing")) {
                leasingBenchmark(postgres, baseline, stack, identity);
            }
            if (which.equals("all") || which.equals("commerce")) {
                commerceBenchmark(postgres, baseline, stack, identity);
            }
            if (which.equals("all") || which.equals("franchise")) {
                franchiseBenchmark(postgres, stack, identity);
            }
        }
    }

    private static void leasingBenchmark(EmbeddedPostgresServer postgres, String baseline, Stack stack, KeycloakClient identity) throws Exception {
        int leases = Integer.getInteger("bench.leasing.leases", 100_000);
        int clients = Integer.getInteger("bench.leasing.clients", 8);
        LeasingBenchmark.Result r = LeasingBenchmark.run(postgres, baseline, "bench", stack.serviceUrl("leasing"), identity, leases, clients);
        Report.heading("Leasing: %,d leases with 20-year quarterly rent schedules (%,d rent rows), recorded through the API by %d callers"
                .formatted(r.leases(), r.rows(), clients));
        Report.line("raw PostgreSQL: COPY of %,d rent rows, one transaction".formatted(r.rows()), "%.1f s, %,.0f rows/s"
                .formatted(r.rawCopySeconds(), r.rows() / r.rawCopySeconds()));
        Report.line("leases recorded (rules, schedule, lease, spaces, 80 rows, event; one transaction each)", "%.1f s, %,.0f leases/s, %,.0f rows/s"
                .formatted(r.leasesSeconds(), r.leases() / r.leasesSeconds(), r.rowsStored() / r.leasesSeconds()));
        Report.ratio("rent rows/s through the service vs raw COPY", r.rowsStored() / r.leasesSeconds(), r.rows() / r.rawCopySeconds(), "rows/s");
        Report.line("  refused or failed, rows stored", "%,d, %,d (expected %,d)".formatted(r.failed(), r.rowsStored(), r.rows()));
    }

    private static void commerceBenchmark(EmbeddedPostgresServer postgres, String baseline, Stack stack, KeycloakClient identity) throws Exception {
        int orders = Integer.getInteger("bench.commerce.orders", 20_000);
        int clients = Integer.getInteger("bench.commerce.clients", 16);
        CommerceBenchmark.Result r = CommerceBenchmark.run(postgres, baseline, "bench", stack.gatewayUrl(), identity, orders, clients);
        Report.heading("Commerce: %,d counter orders for the elderly through the gateway (JWT), %d callers at once, 20 meals".formatted(r.orders(), r.clients()));
        Report.line("raw PostgreSQL: single-row INSERT of an order-shaped row, autocommit, %d callers".formatted(r.clients()),
                "%,.0f rows/s   p50 %.2f ms   p99 %.2f ms".formatted(r.orders() / r.rawSeconds(), r.raw().p50Millis(), r.raw().p99Millis()));
        Report.line("orders (priced, subsidised, seat taken, order + 2 charges + 2 events, one transaction)",
                "%,.0f orders/s   p50 %.2f ms   p99 %.2f ms".formatted(r.orders() / r.oursSeconds(), r.ours().p50Millis(), r.ours().p99Millis()));
        Report.ratio("orders/s through the gateway vs raw inserts/s", r.orders() / r.oursSeconds(), r.orders() / r.rawSeconds(), "/s");
        Report.line("  refused or failed, stored, charges not summing to what the buyer pays", "%,d, %,d (expected %,d), %,d"
                .formatted(r.failed(), r.stored(), r.orders(), r.unbalanced()));
    }

    private static void franchiseBenchmark(EmbeddedPostgresServer postgres, Stack stack, KeycloakClient identity) throws Exception {
        int communities = Integer.getInteger("bench.franchise.communities", 500);
        int perCommunity = Integer.getInteger("bench.franchise.payments", 2_000);
        FranchiseBenchmark.Result r = FranchiseBenchmark.run(postgres, "bench", stack.serviceUrl("franchise"), identity, communities, perCommunity, 9);
        Report.heading("Franchise: a year's oversight of one operator's agreement over %,d communities, %,d settled payments (median of %d)"
                .formatted(r.communities(), r.rows(), r.rounds()));
        Report.line("raw SQL: sum by revenue class over the year's rows", "%.1f ms".formatted(r.rawByClassMs()));
        Report.line("raw SQL: sum by community over the year's rows", "%.1f ms".formatted(r.rawByCommunityMs()));
        Report.line("the year's review (revenue, share owed and paid, IRR, findings), as the regulator", "%.1f ms".formatted(r.reviewMs()));
        Report.ratio("review time, as a multiple of the raw aggregate's", r.reviewMs(), r.rawByClassMs(), "ms");
        Report.line("the district report (the same agreement reviewed)", "%.1f ms".formatted(r.districtMs()));
        Report.line("one community's share owed (the review and a sum by community)", "%.1f ms".formatted(r.ownersShareMs()));
        Report.ratio("owners' share time, as a multiple of both raw aggregates'", r.ownersShareMs(), r.rawByClassMs() + r.rawByCommunityMs(), "ms");
        Report.line("  gross by raw SQL, by the review; findings", "%,d fen, %,d fen; %,d".formatted(r.grossFen(), r.reviewGrossFen(), r.findings()));
    }

    /** Issue 10's targets: ≥ 2,000 events/s, p99 ≤ 50 ms, ≥ 20% of raw inserts/s; the gateway adds p50 ≤ +1 ms, p99 ≤ +5 ms. */
    private static void gateBenchmark(Stack stack, KeycloakClient identity, Latencies insert) throws Exception {
        String community = DemoSeed.run(stack.gatewayUrl(), identity);
        String camera = identity.clientToken("commonhold-gate", "gate-secret");
        String[] gate = {dev.commonhold.devstack.DemoParking.ENTRY, dev.commonhold.devstack.DemoParking.EXIT};
        int clients = Integer.getInteger("bench.gate.clients", 32);
        Latencies direct = GateBenchmark.sequential(stack.serviceUrl("parking"), community, gate, camera, 2_000, 3_000);
        Latencies edge = GateBenchmark.sequential(stack.gatewayUrl(), community, gate, camera, 2_000, 3_000);
        Duration window = Duration.ofSeconds(20);
        CpuTimes before = CpuTimes.now();
        GateBenchmark.Load directLoad = GateBenchmark.concurrent(stack.serviceUrl("parking"), community, gate, camera, clients, window);
        String directCpu = CpuTimes.perOperation(CpuTimes.now().since(before), (int) Math.round(directLoad.perSecond() * window.toSeconds()), 4);
        before = CpuTimes.now();
        GateBenchmark.Load edgeLoad = GateBenchmark.concurrent(stack.gatewayUrl(), community, gate, camera, clients, window);
        String edgeCpu = CpuTimes.perOperation(CpuTimes.now().since(before), (int) Math.round(edgeLoad.perSecond() * window.toSeconds()), 4);
        Report.heading("Parking gate path: camera reads (each car in, then out), one HTTP call and one transaction each");
        Report.line("direct to parking, sequential", "p50 %.2f ms   p99 %.2f ms".formatted(direct.p50Millis(), direct.p99Millis()));
        Report.line("through the gateway, sequential", "p50 %.2f ms   p99 %.2f ms".formatted(edge.p50Millis(), edge.p99Millis()));
        Report.line("added by the gateway (target p50 ≤ +1 ms, p99 ≤ +5 ms)", "p50 %+.2f ms   p99 %+.2f ms".formatted(
                edge.p50Millis() - direct.p50Millis(), edge.p99Millis() - direct.p99Millis()));
        Report.line("direct, %d callers".formatted(clients), "%,.0f events/s   p50 %.2f ms   p99 %.2f ms   failed %d".formatted(directLoad.perSecond(),
                directLoad.latencies().p50Millis(), directLoad.latencies().p99Millis(), directLoad.failed()));
        Report.line("    where the CPU went", directCpu);
        Report.line("through the gateway, %d callers (target ≥ 2,000/s, p99 ≤ 50 ms)".formatted(clients), "%,.0f events/s   p50 %.2f ms   p99 %.2f ms   failed %d"
                .formatted(edgeLoad.perSecond(), edgeLoad.latencies().p50Millis(), edgeLoad.latencies().p99Millis(), edgeLoad.failed()));
        Report.line("    where the CPU went", edgeCpu);
        Report.ratio("gate events/s through the gateway vs raw single-row inserts/s (target ≥ 20%)", edgeLoad.perSecond(), insert.perSecond(), "/s");
        Report.ratio("through the gateway vs direct, %d callers".formatted(clients), edgeLoad.perSecond(), directLoad.perSecond(), "events/s");
    }

    private static void fundBenchmark(EmbeddedPostgresServer postgres, String baseline, Stack stack, KeycloakClient identity) throws Exception {
        int subAccounts = Integer.getInteger("bench.fund.subAccounts", 1_000_000);
        FundBenchmark.Result r = FundBenchmark.run(postgres, baseline, "bench", stack.serviceUrl("maintenance-fund"),
                identity.passwordToken("operator", "operator"), subAccounts);
        Report.heading("Maintenance fund: interest for one community of %,d sub-accounts by balance-days (F2)".formatted(r.subAccounts()));
        Report.line("raw PostgreSQL: one set-based UPDATE of %,d rows".formatted(r.subAccounts()), "%.1f s".formatted(r.rawUpdateSeconds()));
        Report.ratio("allocation (weigh, split, journal, movements, balances) vs that UPDATE", r.allocateSeconds(), r.rawUpdateSeconds(), "s");
        Report.line("  allocated, and the ledger's 2101 equals the sum of the sub-accounts", "%,d.%02d yuan, %s".formatted(
                r.allocatedFen() / 100, r.allocatedFen() % 100, r.booksAgree() ? "yes" : "NO"));
        Report.line("  target", "under 20 s and within 2x the raw UPDATE");
    }

    private static void trustBenchmark(EmbeddedPostgresServer postgres, String bootstrap, Stack stack, KeycloakClient identity) throws Exception {
        int events = Integer.getInteger("bench.trust.events", 1_000_000);
        TrustBenchmark.Result r = TrustBenchmark.run(postgres, bootstrap, stack.serviceUrl("trust-account"), identity.passwordToken("platform", "platform"),
                stack.pid("trust-account"), events);
        double postings = 2.0 * r.events() / r.postSeconds();
        Report.heading("Trust accounts fed from Kafka: %,d payment-settled events for one community, posted by the running service".formatted(r.events()));
        Report.line("raw PostgreSQL transfer (2 balance updates + 2 postings, one commit)", "%,.0f transfers/s = %,.0f postings/s"
                .formatted(r.rawTransfersPerSecond(), 2 * r.rawTransfersPerSecond()));
        Report.line("bare Kafka consumer of the same messages (no work)", "%,.0f msgs/s".formatted(r.kafkaConsumePerSecond()));
        Report.line("publish → every entry in the ledger (inbox, journal, hashes, value dates)", "%.1f s, %,.0f postings/s (%,.0f entries/s)"
                .formatted(r.postSeconds(), postings, r.events() / r.postSeconds()));
        Report.line("  where the CPU went, per entry (publishing included)", r.postCpu());
        Report.ratio("postings/s from Kafka vs raw transfer postings/s (target ≥ 20,000 postings/s)", postings, 2 * r.rawTransfersPerSecond(),
                "postings/s");
        Report.ratio("entries/s from Kafka vs the bare consumer", r.events() / r.postSeconds(), r.kafkaConsumePerSecond(), "msgs/s");
        Report.line("statement of %s (%,d entries): JSON summary and first page".formatted(TrustBenchmark.MONTH, r.events()), "%.0f ms"
                .formatted(r.statementJsonMillis()));
        Report.line("  the whole month as CSV, streamed", "%.1f s, %,d MB".formatted(r.statementCsvSeconds(), r.csvBytes() / 1_000_000));
        Report.line("  trust-account memory (RSS before, peak)", "%,d MB, %,d MB (-Xmx512m)".formatted(r.serviceRssBeforeKb() / 1024,
                r.servicePeakRssKb() / 1024));
    }

    private static void importBenchmark(EmbeddedPostgresServer postgres, String baseline, Stack stack, KeycloakClient identity,
                                        Latencies insert) throws Exception {
        double copy = RawBaselines.postgresCopyRowsPerSecond(postgres, baseline, 3_000, 5);
        List<Double> imports = ImportBenchmark.run(stack.serviceUrl("community"), identity.passwordToken("operator", "operator"), 5);
        double median = imports.get(imports.size() / 2);
        Report.heading("CSV import of 3,000 units (parse, check every cell, store units/owners/buildings, 3,000 outbox events)");
        Report.line("raw COPY of 3,000 unit rows (best of 5)", "%,.0f rows/s".formatted(copy));
        Report.ratio("our import, median of 5, vs raw COPY", median, copy, "units/s");
        Report.ratio("our import, median of 5, vs single-row inserts", median, insert.perSecond(), "units/s vs rows/s");
        Report.line("time for 3,000 units (median)", "%.2f s   (runs: %s units/s)".formatted(3_000 / median,
                imports.stream().map(r -> "%,.0f".formatted(r)).toList()));
    }

    private static void assemblyBenchmark(Stack stack, KeycloakClient identity, Latencies insert) throws Exception {
        AssemblyBenchmark.Result vote = AssemblyBenchmark.run(stack.serviceUrl("community"), identity);
        Report.heading("Owners' vote on a 3,000-unit register (%d voters under V5; %d paper ballots recorded)".formatted(vote.voters(), vote.ballots()));
        Report.line("HTTP floor: GET /actuator/health on the same service", "p50 %.2f ms   p99 %.2f ms".formatted(vote.httpFloor().p50Millis(),
                vote.httpFloor().p99Millis()));
        Report.line("open the vote (fix the electorate of 3,000 units)", "%.0f ms".formatted(vote.openMillis()));
        Report.ratio("ballots recorded one at a time vs single-row inserts", vote.sequentialBallots().perSecond(), insert.perSecond(),
                "ballots/s vs rows/s");
        Report.line("  ballot latency, one at a time", "p50 %.2f ms   p99 %.2f ms".formatted(vote.sequentialBallots().p50Millis(),
                vote.sequentialBallots().p99Millis()));
        Report.ratio("  ballot latency vs the HTTP floor (p50)", vote.sequentialBallots().p50Millis(), vote.httpFloor().p50Millis(), "ms");
        Report.ratio("ballots recorded by 16 callers vs single-row inserts", vote.concurrentBallotsPerSecond(), insert.perSecond(),
                "ballots/s vs rows/s");
        Report.line("view with live participation (tally of all voters)", "p50 %.2f ms   p99 %.2f ms".formatted(vote.view().p50Millis(),
                vote.view().p99Millis()));
        Report.line("decided by the service after the window ended (tally %d voters, store, publish; checks every 2 s)"
                .formatted(vote.voters()), "%.0f ms after the end, outcome %s".formatted(vote.decidedAfterWindowMillis(), vote.outcome()));
    }

    private static void billingBenchmark(EmbeddedPostgresServer postgres, String baseline, String kafka, Stack stack, KeycloakClient identity,
                                         Latencies insert) throws Exception {
        int communities = Integer.getInteger("bench.billing.communities", 1_000);
        int unitsEach = Integer.getInteger("bench.billing.units", 1_000);
        BillingBenchmark.Run run = BillingBenchmark.run(postgres, "bench", baseline, stack.serviceUrl("billing"),
                identity.passwordToken("operator", "operator"), communities, unitsEach);
        Report.heading("Billing run for every community of a company: %,d communities × %,d households (a price change on the 16th)"
                .formatted(communities, unitsEach));
        Report.line("raw COPY of %,d invoice rows (same keys and indexes)".formatted(run.units()), "%.1f s".formatted(run.copySeconds()));
        Report.line("our billing run: invoices, lines, billed months, outbox events", "%.1f s for %,d invoices (%,.0f households/s)"
                .formatted(run.seconds(), run.issued(), run.units() / run.seconds()));
        Report.ratio("billing run time vs raw COPY time (target ≤ 3×)", run.seconds(), run.copySeconds(), "s");
        Report.line("invoice-issued events still in the outbox when the run ended", "%,d (the relay publishes them after)".formatted(run.pendingEvents()));
        Report.line("  until the relay had published them all to Kafka", "%.1f s more".formatted(BillingBenchmark.drained(postgres, "bench")));
        // Measured like the raw insert it is compared with, on a machine not busy with something else: the services that
        // read invoice-issued (trust accounts, franchise, commerce, …) first work through the run's events.
        Report.line("  until every service had read them (consumer lag 0)", "%.1f s more".formatted(
                ConsumerLag.awaitZero(kafka, Duration.ofMinutes(30))));
        BillingBenchmark.Notifications notified = BillingBenchmark.notifications(postgres, "bench", stack.serviceUrl("billing"),
                stack.simulator().wechat(), 4_000);
        Report.heading("WeChat Pay notifications: verify signature, decrypt, settle, outbox (%,d payments recorded)".formatted(notified.payments()));
        Report.ratio("one at a time vs raw single-row inserts (target ≥ 30%)", notified.sequential().perSecond(), insert.perSecond(),
                "notifications/s vs rows/s");
        Report.line("  latency one at a time", "p50 %.2f ms   p99 %.2f ms".formatted(notified.sequential().p50Millis(), notified.sequential().p99Millis()));
        Report.line("    where the CPU went", notified.sequentialCpu());
        Report.ratio("16 callers vs raw single-row inserts", notified.concurrentPerSecond(), insert.perSecond(), "notifications/s vs rows/s");
        Report.line("    where the CPU went", notified.concurrentCpu());
        // What any request costs here before our code runs: the ceiling every HTTP figure above lives under.
        String operator = identity.passwordToken("operator", "operator");
        Latencies floor = GatewayBenchmark.sequential(stack.serviceUrl("billing"), "/actuator/health", operator, 500, 2_000);
        double floorRate = GatewayBenchmark.throughput(stack.serviceUrl("billing"), "/actuator/health", operator, 16, Duration.ofSeconds(10));
        Report.line("HTTP floor: GET /actuator/health on billing, one at a time", "p50 %.2f ms   p99 %.2f ms   %,.0f req/s"
                .formatted(floor.p50Millis(), floor.p99Millis(), floor.perSecond()));
        Report.ratio("HTTP floor, 16 callers, vs raw single-row inserts", floorRate, insert.perSecond(), "req/s vs rows/s");
    }

    private static void ledgerBenchmark(EmbeddedPostgresServer postgres) throws Exception {
        int entries = Integer.getInteger("bench.ledger.entries", 1_000_000);
        LedgerBenchmark.Result r = LedgerBenchmark.run(postgres, entries);
        Report.heading("Ledger (platform/ledger): balanced entries of 2 postings, hash-chained, checked by PostgreSQL at commit");
        Report.line("raw transfer: 2 balance updates + 2 posting rows, one transaction", "%,.0f transfers/s   p50 %.2f ms   p99 %.2f ms"
                .formatted(r.rawTransfer().perSecond(), r.rawTransfer().p50Millis(), r.rawTransfer().p99Millis()));
        Report.ratio("one entry per transaction vs raw transfers (target ≥ 50%)", r.single().perSecond(), r.rawTransfer().perSecond(),
                "entries/s vs transfers/s");
        Report.line("  latency of one entry", "p50 %.2f ms   p99 %.2f ms".formatted(r.single().p50Millis(), r.single().p99Millis()));
        Report.line("batches of 1,000 entries (target ≥ 20,000 postings/s)", "%,.0f postings/s over %,d entries".formatted(
                r.batchedPostingsPerSecond(), r.entries()));
        Report.line("close the month: Merkle root over %,d entries".formatted(r.entries()), "%.1f s".formatted(r.closeSeconds()));
        Report.line("verify the export of %,d entries against the head".formatted(r.entries()), "%.1f s, %,d MB kept on the heap, %s".formatted(
                r.verifySeconds(), r.verifyHeapBytes() / (1 << 20), r.intact() ? "intact" : "FINDINGS"));
    }

    private static void gatewayBenchmark(Stack stack, KeycloakClient identity) throws Exception {
        String community = DemoSeed.run(stack.gatewayUrl(), identity);
        String token = identity.passwordToken("resident", "resident");
        String path = "/api/community/communities/" + community;
        Latencies direct = GatewayBenchmark.sequential(stack.serviceUrl("community"), path, token, 500, 3_000);
        Latencies edge = GatewayBenchmark.sequential(stack.gatewayUrl(), path, token, 500, 3_000);
        double directRate = GatewayBenchmark.throughput(stack.serviceUrl("community"), path, token, 16, Duration.ofSeconds(15));
        double edgeRate = GatewayBenchmark.throughput(stack.gatewayUrl(), path, token, 16, Duration.ofSeconds(15));
        Report.heading("Gateway overhead: GET a community with a resident's JWT, direct vs through the gateway");
        Report.line("direct to the service, sequential", "p50 %.2f ms   p99 %.2f ms".formatted(direct.p50Millis(), direct.p99Millis()));
        Report.line("through the gateway, sequential", "p50 %.2f ms   p99 %.2f ms".formatted(edge.p50Millis(), edge.p99Millis()));
        Report.line("added by the gateway", "p50 +%.2f ms   p99 +%.2f ms".formatted(edge.p50Millis() - direct.p50Millis(),
                edge.p99Millis() - direct.p99Millis()));
        Report.ratio("throughput through the gateway vs direct (16 callers)", edgeRate, directRate, "req/s");
    }
}
