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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Franchise oversight (issue 14): one operator's agreement over {@code communities} communities, each with a
 * year of settled payments ({@code perCommunity} each, the covered classes, as franchise's intake stores them
 * from billing.payment-settled.v1) and some charges above the caps — then the year's review (revenue by
 * class, share owed and paid, IRR, findings with evidence), the owners' share of one community and the
 * regulator's district report through the service, against the raw SQL aggregate over the same rows
 * (sum by class, and by community), in the same run. The rows are written straight into the service's
 * tables: what is measured is the oversight of a period, not the intake.
 */
final class FranchiseBenchmark {

    record Result(int communities, long rows, int rounds, double rawByClassMs, double rawByCommunityMs, double reviewMs, double districtMs,
                  double ownersShareMs, long grossFen, long reviewGrossFen, int findings) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FranchiseBenchmark() {
    }

    static Result run(PostgresServer postgres, String database, String serviceUrl, KeycloakClient identity, int communities, int perCommunity,
                      int rounds) throws Exception {
        String operator = identity.passwordToken("operator", "operator");
        String regulator = identity.passwordToken("regulator", "regulator");
        UUID company = company(operator);
        List<String> ids = new ArrayList<>();
        StringBuilder rows = new StringBuilder("INSERT INTO franchise.community (id, name, division_code, time_zone, operator_company_id) VALUES ");
        for (int c = 0; c < communities; c++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            rows.append(c == 0 ? "" : ",").append("('%s', '基准社区%d', '110105', 'Asia/Shanghai', '%s')".formatted(id, c, company));
        }
        postgres.execute(database, rows.toString());
        String agreement = record(serviceUrl, operator, ids);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        // A year of payments: spread over the year, 70% parking, 30% rooms; one charge in 200 above the day cap.
        postgres.execute(database, """
                INSERT INTO franchise.revenue_line (settlement_id, community_id, revenue_class, charge_id, amount_fen, settled_at, year)
                SELECT gen_random_uuid(), c.id, CASE WHEN n %% 10 < 7 THEN 'parking_operator' ELSE 'lease_operator_space' END,
                       gen_random_uuid(), 500 + (n * 37) %% 9500, make_timestamptz(%2$d, 1, 1, 0, 0, 0, 'Asia/Shanghai') + (n %% 330) * interval '1 day', %2$d
                FROM franchise.community c CROSS JOIN generate_series(1, %3$d) AS n""".formatted(agreement, year, perCommunity),
                """
                INSERT INTO franchise.observed_charge (charge_id, agreement_id, community_id, revenue_class, amount_fen, served_from, served_to,
                                                       source_reference, over_cap_most_fen, cap_index, cap_reference)
                SELECT gen_random_uuid(), '%1$s', c.id, 'parking_operator', 6000, make_date(%2$d, 1, 1) + n, make_date(%2$d, 1, 1) + n,
                       'parking:session:bench-' || n, 2500, 1, '京朝发改价〔2025〕7号'
                FROM franchise.community c CROSS JOIN generate_series(1, greatest(1, %3$d / 200)) AS n""".formatted(agreement, year, perCommunity),
                "ANALYZE franchise.revenue_line", "ANALYZE franchise.observed_charge");
        long total = Long.parseLong(postgres.query(database, "SELECT count(*) FROM franchise.revenue_line").getFirst().getFirst());

        // The same rows a review reads: the agreement's coverage joined, the year, not reversed.
        String covered = ("FROM franchise.revenue_line r JOIN franchise.coverage c ON c.community_id = r.community_id AND c.revenue_class = r.revenue_class "
                + "WHERE c.agreement_id = '%s' AND r.year = %d AND r.reversed_at IS NULL ").formatted(agreement, year);
        String byClass = "SELECT r.revenue_class, sum(r.amount_fen) " + covered + "GROUP BY r.revenue_class";
        String byCommunity = "SELECT r.community_id, sum(r.amount_fen) " + covered + "GROUP BY r.community_id";
        long gross = postgres.query(database, byClass).stream().mapToLong(r -> Long.parseLong(r.get(1))).sum();
        String review = serviceUrl + "/api/franchise/agreements/" + agreement + "/years/" + year;
        get(review + "/review", regulator); // warm-up: the first call compiles what the rest reuse
        double rawClass;
        double rawCommunity;
        try (java.sql.Connection jdbc = java.sql.DriverManager.getConnection(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword());
             java.sql.Statement sql = jdbc.createStatement()) {
            rawClass = median(rounds, () -> drain(sql.executeQuery(byClass)));
            rawCommunity = median(rounds, () -> drain(sql.executeQuery(byCommunity)));
        }
        JsonNode[] last = new JsonNode[1];
        double ours = median(rounds, () -> last[0] = get(review + "/review", regulator));
        double district = median(rounds, () -> get(serviceUrl + "/api/franchise/districts/110105/years/" + year, regulator));
        double owners = median(rounds, () -> get(review + "/communities/" + ids.getFirst() + "/share", regulator));
        return new Result(communities, total, rounds, rawClass, rawCommunity, ours, district, owners, gross,
                last[0].at("/review/grossFen").asLong(), last[0].at("/review/findings").size());
    }

    private static String record(String serviceUrl, String token, List<String> communities) throws Exception {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", "基准运营方片区停车及闲置空间特许经营协议");
        terms.put("operatorName", "北京基准物业管理有限公司");
        terms.put("operatorCreditCode", dev.commonhold.platform.ids.CreditCode.withCheckCharacter("91110105MA01BENCH"));
        terms.put("jurisdiction", "110105");
        terms.put("communities", communities);
        terms.put("assets", List.of(Map.of("kind", "PARKING_SPACES", "quantity", 60_000, "description", "各社区车库")));
        terms.put("coveredClasses", List.of("parking_operator", "lease_operator_space"));
        terms.put("term", Map.of("startsOn", "2025-01-01", "endsOn", "2044-12-31"));
        Map<String, Object> cap = new HashMap<>(Map.of("revenueClass", "parking_operator", "unit", "DAY", "capFen", 2_500, "validFrom", "2025-01-01",
                "reference", "京朝发改价〔2025〕7号"));
        cap.put("validTo", null);
        terms.put("tariffCaps", List.of(cap));
        terms.put("revenueShare", Map.of("fixedFenPerYear", 0, "rateBasisPoints", 2_000, "bands", List.of(Map.of("fromFen", 0, "rateBasisPoints", 0),
                Map.of("fromFen", 10_000_000_000L, "rateBasisPoints", 500)), "minimumFenPerYear", 5_000_000, "payee", "OWNERS"));
        terms.put("returnCap", Map.of("metric", "IRR", "capBasisPoints", 600, "excessBands", List.of(Map.of("aboveCapBasisPoints", 0, "shareBasisPoints", 5_000))));
        terms.put("investment", List.of(Map.of("dueOn", "2025-06-30", "amountFen", 300_000_000_000L, "purpose", "片区改造")));
        terms.put("kpis", List.of(Map.of("code", "complaint_response_hours", "name", "投诉响应时长（小时）", "target", 24, "higherIsBetter", false,
                "weight", 1, "penaltyFen", 1_000_000)));
        terms.put("reportEveryMonths", 12);
        terms.put("evaluateEveryMonths", 24);
        terms.put("handBack", "期满无偿移交");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/api/franchise/agreements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(terms))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("recording the agreement: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("id").asString();
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static int drain(java.sql.ResultSet rows) throws java.sql.SQLException {
        int n = 0;
        while (rows.next()) {
            n++;
        }
        rows.close();
        return n;
    }

    interface Call {
        Object run() throws Exception;
    }

    /** The median of {@code rounds} timed calls, in ms. */
    private static double median(int rounds, Call call) throws Exception {
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[rounds / 2];
    }

    private static UUID company(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).get("company").asString());
    }
}
