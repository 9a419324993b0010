package dev.commonhold.bench;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import dev.commonhold.simulator.WechatPaySimulator;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fee collection at the design size: a billing run for every community of a company — a million
 * households — against COPY of a million invoice rows; and WeChat Pay notifications per second
 * (verify, decrypt, settle, outbox) against a raw single-row insert.
 */
final class BillingBenchmark {

    record Run(int units, int issued, double seconds, double copySeconds, long pendingEvents) {
    }

    record Notifications(Latencies sequential, double concurrentPerSecond, int payments, String sequentialCpu, String concurrentCpu) {
    }

    private BillingBenchmark() {
    }

    /** The register copy, fee plans and communities are loaded by SQL (setup, not measured); the run goes through billing's API. */
    static Run run(PostgresServer postgres, String database, String baseline, String billingUrl, String operatorToken,
                   int communities, int unitsEach) throws Exception {
        String company = claim(operatorToken, "company");
        postgres.execute(database, "SET search_path = billing",
                "INSERT INTO billing.community (id, name, division_code, time_zone, operator_company_id) SELECT gen_random_uuid(), 'bench ' || i, "
                        + "'110105', 'Asia/Shanghai', '" + company + "' FROM generate_series(1, " + communities + ") i",
                "INSERT INTO billing.unit (id, community_id, building_name, number, area_centi, use, owner_id, owner_name) SELECT gen_random_uuid(), c.id, "
                        + "(1 + u / 60) || '号楼', (100 + u % 60)::text, 4500 + (u * 37) % 9000, 'RESIDENTIAL', gen_random_uuid(), '业主' || u "
                        + "FROM billing.community c, generate_series(1, " + unitsEach + ") u WHERE c.name LIKE 'bench %' "
                        // A community's units side by side, as a register imported community by community lies.
                        + "ORDER BY c.id, u",
                "INSERT INTO billing.fee_plan (community_id, name, cycle, due_days, late_fee_bp_per_day, late_fee_cap_bp, updated_by) "
                        + "SELECT id, '物业费', 'MONTHLY', 14, 5, 3000, 'bench' FROM billing.community WHERE name LIKE 'bench %'",
                "INSERT INTO billing.fee_price (community_id, use, effective_from, fen_per_m2_month) "
                        + "SELECT id, 'RESIDENTIAL', DATE '2024-01-01', 145 FROM billing.community WHERE name LIKE 'bench %'",
                "INSERT INTO billing.fee_price (community_id, use, effective_from, fen_per_m2_month) "
                        + "SELECT id, 'RESIDENTIAL', DATE '2027-01-16', 160 FROM billing.community WHERE name LIKE 'bench %'",
                "ANALYZE billing.unit");
        double copy = copyInvoiceRows(postgres, baseline, communities * unitsEach);
        Api operator = new Api(billingUrl).as(operatorToken);
        PgStatements.reset(postgres);
        long start = System.nanoTime();
        ApiResponse started = operator.post("/api/billing/runs", Map.of("companyId", company, "period", "2027-01"));
        if (started.status() != 202) {
            throw new IllegalStateException("billing run refused: " + started);
        }
        String id = started.json().get("id").asString();
        var run = started.json();
        while (run.get("status").asString().equals("RUNNING")) {
            Thread.sleep(250);
            run = operator.get("/api/billing/runs/" + id).json();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PgStatements.print(postgres, run.get("issued").asInt(), 20);
        long pending = Long.parseLong(postgres.query(database, PENDING_EVENTS).getFirst().getFirst());
        return new Run(run.get("doneUnits").asInt(), run.get("issued").asInt(), seconds, copy, pending);
    }

    /** Events not yet published: plain outbox rows, and the invoices of chunk rows (one row stands for a chunk's invoice-issued events). */
    private static final String PENDING_EVENTS = """
            SELECT (SELECT count(*) FROM billing.outbox_event WHERE published_at IS NULL AND event_type NOT LIKE '%+chunk')
                 + (SELECT count(*) FROM billing.outbox_event o JOIN billing.invoice i
                      ON i.id BETWEEN (o.envelope::json->>'firstInvoice')::uuid AND (o.envelope::json->>'lastInvoice')::uuid
                     AND i.billing_run_id = (o.envelope::json->>'runId')::uuid AND i.community_id = (o.envelope::json->>'communityId')::uuid
                    WHERE o.published_at IS NULL AND o.event_type LIKE '%+chunk')""";

    /** Seconds until the outbox has nothing left to publish: the notifications are then measured on a quiet service. */
    static double drained(PostgresServer postgres, String database) throws InterruptedException {
        long start = System.nanoTime();
        while (Long.parseLong(postgres.query(database, "SELECT count(*) FROM billing.outbox_event WHERE published_at IS NULL").getFirst().getFirst()) > 0) {
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds to COPY {@code rows} invoice-shaped rows into a table with the invoice table's keys and indexes. */
    static double copyInvoiceRows(PostgresServer postgres, String database, int rows) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword())) {
            connection.createStatement().execute("""
                    CREATE TABLE bench_invoice (id uuid PRIMARY KEY, community_id uuid NOT NULL, number text NOT NULL UNIQUE, payer_kind text NOT NULL,
                      payer_unit_id uuid, payer_reference text NOT NULL, payer_name text, period_start date, period_end date, issued_on date NOT NULL,
                      due_on date NOT NULL, total_fen bigint NOT NULL CHECK (total_fen > 0), billing_run_id uuid)""");
            connection.createStatement().execute("CREATE INDEX ON bench_invoice (community_id, issued_on)");
            connection.createStatement().execute("CREATE INDEX ON bench_invoice (payer_unit_id, due_on)");
            StringBuilder csv = new StringBuilder(rows * 200);
            UUID run = UUID.randomUUID();
            for (int i = 0; i < rows; i++) {
                csv.append(UUID.randomUUID()).append(',').append(UUID.nameUUIDFromBytes(("c" + i / 1000).getBytes())).append(",F202701-")
                        .append("%08d".formatted(i)).append(",unit,").append(UUID.randomUUID()).append(",").append(1 + i % 20).append("号楼-")
                        .append(100 + i % 60).append(",业主").append(i).append(",2027-01-01,2027-01-31,2026-12-31,2027-01-15,")
                        .append(6_000 + i % 9_000).append(',').append(run).append('\n');
            }
            long start = System.nanoTime();
            ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("COPY bench_invoice FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * WeChat Pay notifications for {@code orders} open orders (opened by SQL as the API would), signed ahead of time with the
     * simulator's key: half sent one at a time, half by 16 callers; each must be verified, settled and put in the outbox.
     */
    static Notifications notifications(PostgresServer postgres, String database, String billingUrl, WechatPaySimulator wechat, int orders)
            throws Exception {
        postgres.execute(database, """
                INSERT INTO billing.channel_order (id, out_trade_no, channel, community_id, unit_id, amount_fen, line_ids, created_by, expires_at)
                SELECT id, replace(id::text, '-', ''), 'WECHAT_PAY', community_id, payer_unit_id, amount_fen, ARRAY[line_id], 'bench', now() + interval '2 hours'
                FROM (SELECT gen_random_uuid() AS id, l.community_id, l.payer_unit_id, l.amount_fen, l.id AS line_id FROM billing.invoice_line l
                      WHERE l.paid_fen = 0 LIMIT %d) o""".formatted(orders));
        List<List<String>> open = postgres.query(database, "SELECT out_trade_no, amount_fen FROM billing.channel_order WHERE created_by = 'bench' AND paid_payment_id IS NULL");
        List<WechatPaySimulator.Notification> signed = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            signed.add(wechat.paid(open.get(i).get(0), "4200" + (1_000_000_000L + i), Long.parseLong(open.get(i).get(1))));
        }
        HttpClient http = HttpClient.newHttpClient();
        int half = signed.size() / 2;
        AtomicInteger next = new AtomicInteger();
        CpuTimes before = CpuTimes.now();
        Latencies sequential = Latencies.measure(0, half, () -> post(http, billingUrl, signed.get(next.getAndIncrement())));
        String sequentialCpu = CpuTimes.perOperation(CpuTimes.now().since(before), half, 5);
        before = CpuTimes.now();
        long start = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = half; i < signed.size(); i++) {
                WechatPaySimulator.Notification n = signed.get(i);
                sent.add(callers.submit(() -> {
                    post(http, billingUrl, n);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        double concurrent = (signed.size() - half) / ((System.nanoTime() - start) / 1e9);
        String concurrentCpu = CpuTimes.perOperation(CpuTimes.now().since(before), signed.size() - half, 5);
        int payments = Integer.parseInt(postgres.query(database, "SELECT count(*) FROM billing.payment WHERE channel = 'WECHAT_PAY'").getFirst().getFirst());
        return new Notifications(sequential, concurrent, payments, sequentialCpu, concurrentCpu);
    }

    private static void post(HttpClient http, String billingUrl, WechatPaySimulator.Notification n) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(billingUrl + "/api/billing/channels/wechat-pay/notifications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(n.body(), StandardCharsets.UTF_8));
        n.headers().forEach(request::header);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("notification answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = payload.indexOf("\"" + name + "\":\"");
        return payload.substring(at + name.length() + 4, payload.indexOf('"', at + name.length() + 4));
    }
}
