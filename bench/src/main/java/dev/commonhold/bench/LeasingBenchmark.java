package dev.commonhold.bench;

import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * 20-year rent schedules (issue 12): {@code leases} leases recorded through the running leasing
 * service's API — each checked against L1–L5, its schedule computed (yearly escalation, rent-free
 * months, quarterly cycles: 80 rows) and written with the lease and its lease-started event in one
 * transaction — against a raw COPY of as many rent rows into a table of the same shape, in the same
 * run. The spaces are written straight into the service's schema (government-owned rooms: no vote
 * needed), so the timing is the leases and their schedules alone. The leases start in 2027, so no
 * rent is due yet and none is raised: schedule generation, not billing, is measured.
 */
final class LeasingBenchmark {

    record Result(int leases, long rows, double rawCopySeconds, double leasesSeconds, int failed, long rowsStored) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PERIODS = 80;

    private LeasingBenchmark() {
    }

    static Result run(PostgresServer postgres, String baseline, String stackDatabase, String leasingUrl, KeycloakClient identity, int leases,
                      int clients) throws Exception {
        double raw = rawCopy(postgres, baseline, leases);
        AtomicReference<String> token = new AtomicReference<>(identity.passwordToken("staff", "staff"));
        UUID community = UUID.randomUUID();
        List<UUID> spaces = seed(postgres, stackDatabase, community, company(token.get()), leases);
        String path = leasingUrl + "/api/leasing/communities/" + community + "/leases";
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        AtomicReference<Long> tokenAt = new AtomicReference<>(start);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < leases; i = next.getAndIncrement()) {
                        refresh(identity, token, tokenAt);
                        if (!record(path, token.get(), spaces.get(i), i)) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = Long.parseLong(postgres.query(stackDatabase, ("SELECT count(*) FROM leasing.rent_period p JOIN leasing.lease l ON l.id = p.lease_id "
                + "WHERE l.community_id = '%s'").formatted(community)).getFirst().getFirst());
        return new Result(leases, (long) leases * PERIODS, raw, seconds, failed.get(), stored);
    }

    /** Tokens last 5 minutes; a run of 100,000 leases takes longer. */
    private static synchronized void refresh(KeycloakClient identity, AtomicReference<String> token, AtomicReference<Long> at) {
        if (System.nanoTime() - at.get() > 120e9) {
            token.set(identity.passwordToken("staff", "staff"));
            at.set(System.nanoTime());
        }
    }

    private static boolean record(String path, String token, UUID space, int i) throws Exception {
        Map<String, Object> body = Map.of("tenant", Map.of("kind", "PERSON", "name", "租户" + i), "spaceIds", List.of(space.toString()),
                "purpose", "基准", "startOn", "2027-01-01", "endOn", "2046-12-31", "writtenContract", true, "contractSha256", "%064x".formatted(i),
                "rent", Map.of("monthlyRentFen", 100_000 + (i % 1_900) * 1_000, "escalationBasisPoints", 300, "rentFreeMonths", 3,
                        "billingCycleMonths", 3, "depositFen", 0));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && i % 1000 == 0) {
            System.err.println("lease " + i + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.statusCode() == 201;
    }

    /** COPY of leases × 80 rent rows (lease, cycle, start, end, due, amount) in one transaction, timed alone. */
    private static double rawCopy(PostgresServer postgres, String database, int leases) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword())) {
            connection.createStatement().execute("CREATE TABLE bench_rent_period (lease_id uuid NOT NULL, seq integer NOT NULL, period_start date NOT NULL, "
                    + "period_end date NOT NULL, due_on date NOT NULL, amount_fen bigint NOT NULL, charge_id uuid, PRIMARY KEY (lease_id, seq))");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            LocalDate first = LocalDate.of(2027, 1, 1);
            int batch = 5_000;
            for (int from = 0; from < leases; from += batch) {
                StringBuilder csv = new StringBuilder();
                for (int i = from; i < Math.min(leases, from + batch); i++) {
                    String lease = UUID.randomUUID().toString();
                    for (int p = 0; p < PERIODS; p++) {
                        LocalDate s = first.plusMonths(3L * p);
                        csv.append(lease).append(',').append(p).append(',').append(s).append(',').append(s.plusMonths(3).minusDays(1)).append(',')
                                .append(s).append(',').append(300_000 + p).append(",\n");
                    }
                }
                ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                        .copyIn("COPY bench_rent_period FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static List<UUID> seed(PostgresServer postgres, String database, UUID community, UUID company, int count) {
        postgres.execute(database, ("INSERT INTO leasing.community (id, name, division_code, time_zone, operator_company_id) VALUES ('%s', '租赁基准社区', "
                + "'110105', 'Asia/Shanghai', '%s')").formatted(community, company));
        postgres.execute(database, ("INSERT INTO leasing.space (id, community_id, code, name, kind, ownership, area_centi_m2) SELECT gen_random_uuid(), "
                + "'%s', 'B-' || i, '公有用房' || i, 'IDLE_ROOM', 'GOVERNMENT', 2000 + i %% 5000 FROM generate_series(1, %d) i").formatted(community, count));
        postgres.execute(database, "VACUUM ANALYZE leasing.space");
        return postgres.query(database, "SELECT id FROM leasing.space WHERE community_id = '%s' ORDER BY code".formatted(community)).stream()
                .map(row -> UUID.fromString(row.getFirst())).toList();
    }

    private static UUID company(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).get("company").asString());
    }
}
