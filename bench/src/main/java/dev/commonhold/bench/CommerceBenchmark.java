package dev.commonhold.bench;

import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 * Orders (issue 13): {@code orders} counter orders for the elderly placed through the gateway with a
 * staff JWT by {@code clients} callers at once — each priced, subsidised, its commission split, a seat
 * taken from its meal's day (a conditional UPDATE of one row per meal and day), the order and its two
 * charges and their charge-raised events written in one transaction — against raw single-row
 * inserts of an order-shaped row by as many callers, in the same run. The community is written
 * straight into the service's copy of the register; the canteen and its 20 meals through the API.
 */
final class CommerceBenchmark {

    record Result(int orders, int clients, Latencies raw, double rawSeconds, Latencies ours, double oursSeconds, int failed, long stored,
                  long unbalanced) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MEALS = 20;

    private CommerceBenchmark() {
    }

    static Result run(PostgresServer postgres, String baseline, String stackDatabase, String gatewayUrl, KeycloakClient identity, int orders,
                      int clients) throws Exception {
        Timed raw = rawInserts(postgres, baseline, orders, clients);
        AtomicReference<String> token = new AtomicReference<>(identity.passwordToken("staff", "staff"));
        UUID community = UUID.randomUUID();
        postgres.execute(stackDatabase, ("INSERT INTO commerce.community (id, name, division_code, time_zone, operator_company_id) VALUES ('%s', "
                + "'增值服务基准社区', '110105', 'Asia/Shanghai', '%s')").formatted(community, company(token.get())));
        String path = gatewayUrl + "/api/commerce/communities/" + community;
        List<String> meals = canteen(path, token.get());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] nanos = new long[orders];
        long start = System.nanoTime();
        AtomicReference<Long> tokenAt = new AtomicReference<>(start);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        refresh(identity, token, tokenAt);
                        long t = System.nanoTime();
                        if (!order(path, token.get(), meals.get(i % MEALS), i)) {
                            failed.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = Long.parseLong(postgres.query(stackDatabase, "SELECT count(*) FROM commerce.customer_order WHERE community_id = '%s'"
                .formatted(community)).getFirst().getFirst());
        long unbalanced = Long.parseLong(postgres.query(stackDatabase, ("SELECT count(*) FROM commerce.customer_order o WHERE o.community_id = '%s' AND "
                + "o.payer_fen <> (SELECT coalesce(sum(c.amount_fen), 0) FROM commerce.order_charge c WHERE c.order_id = o.id)").formatted(community))
                .getFirst().getFirst());
        return new Result(orders, clients, raw.latencies(), raw.seconds(), new Latencies(nanos), seconds, failed.get(), stored, unbalanced);
    }

    /** A canteen (8% commission, the community's) and its menu of {@value MEALS} meals for the elderly, each with room for every order. */
    private static List<String> canteen(String path, String token) throws Exception {
        JsonNode merchant = post(path + "/merchants", token, Map.of("name", "基准长者食堂", "licenceNumber", dev.commonhold.platform.ids.CreditCode.withCheckCharacter("91110105MA01BENCH"),
                "settlementBank", "北京银行", "settlementAccount", "62148301000001", "settlementDelayDays", 1,
                "commission", Map.of("rateBasisPoints", 800, "fixedFenPerOrder", 0, "communityShareBasisPoints", 10_000)));
        List<String> meals = new ArrayList<>();
        for (int m = 0; m < MEALS; m++) {
            meals.add(post(path + "/merchants/" + merchant.get("id").asString() + "/offerings", token, Map.of("kind", "MEAL", "name", "套餐" + m,
                    "priceFen", 1_500 + m * 100, "eligibility", "ELDERLY", "minAge", 60, "capacityPerDay", 100_000, "opensAt", "00:00",
                    "closesAt", "23:59:59")).get("id").asString());
        }
        return meals;
    }

    private static boolean order(String path, String token, String meal, int i) throws Exception {
        Map<String, Object> body = Map.of("offeringId", meal, "quantity", 1 + i % 2, "buyerName", "长者" + i,
                "buyerBirthDate", "19%02d-03-12".formatted(30 + i % 35));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(path + "/counter-orders")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && i % 1000 == 0) {
            System.err.println("order " + i + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.statusCode() == 201;
    }

    record Timed(Latencies latencies, double seconds) {
    }

    /** The same number of order-shaped rows, one autocommitted INSERT each, by as many callers on their own connections. */
    private static Timed rawInserts(PostgresServer postgres, String database, int orders, int clients) throws Exception {
        try (Connection setup = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword())) {
            setup.createStatement().execute("CREATE TABLE bench_order (id uuid PRIMARY KEY, offering_id uuid NOT NULL, quantity int NOT NULL, "
                    + "buyer_name text NOT NULL, gross_fen bigint NOT NULL, subsidy_fen bigint NOT NULL, payer_fen bigint NOT NULL, "
                    + "commission_fen bigint NOT NULL, merchant_fen bigint NOT NULL, placed_at timestamptz NOT NULL DEFAULT now())");
        }
        AtomicInteger next = new AtomicInteger();
        long[] nanos = new long[orders];
        UUID offering = UUID.randomUUID();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword());
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_order (id, offering_id, quantity, buyer_name, gross_fen, "
                                 + "subsidy_fen, payer_fen, commission_fen, merchant_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                            long t = System.nanoTime();
                            insert.setObject(1, UUID.randomUUID());
                            insert.setObject(2, offering);
                            insert.setInt(3, 1);
                            insert.setString(4, "长者" + i);
                            insert.setLong(5, 1_500);
                            insert.setLong(6, 300);
                            insert.setLong(7, 1_200);
                            insert.setLong(8, 96);
                            insert.setLong(9, 1_104);
                            insert.executeUpdate();
                            nanos[i] = System.nanoTime() - t;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return new Timed(new Latencies(nanos), (System.nanoTime() - start) / 1e9);
    }

    private static JsonNode post(String url, String token, Object body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(url + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Tokens last 5 minutes. */
    private static synchronized void refresh(KeycloakClient identity, AtomicReference<String> token, AtomicReference<Long> at) {
        if (System.nanoTime() - at.get() > 120e9) {
            token.set(identity.passwordToken("staff", "staff"));
            at.set(System.nanoTime());
        }
    }

    private static UUID company(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).get("company").asString());
    }
}
