package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo community under a parking and idle-space franchise like Beijing's Jinsong model (FR6): the
 * operator invested 30 million yuan by mid-2025 and runs the garage it built and the idle rooms it
 * rebuilt for 20 years, under approved caps (parking 5 yuan an hour, 25 a day, a permit 300 a month;
 * rooms 120 yuan per m² a month), paying the owners 20% of that revenue (at least 50,000 yuan a year).
 *
 * <p>The garage's visitor tariff was set before the agreement was signed and never brought within its
 * caps (10 yuan an hour, 100 a day: the misconfigured lot). Today's visitors paid cash at the booth; one
 * stayed six hours and paid 60 yuan where the cap allows 25 a day — the overcharge the regulator sees.
 * The operator has reported 2025 (late: it was due by 31 March).
 */
final class DemoFranchise {

    static final String TITLE = "劲松北社区停车及闲置空间特许经营协议";
    static final String GARAGE = "西区立体车库（运营方投资）";
    static final String GARAGE_ENTRY = "VZ-DEMO-IN-2";
    static final String GARAGE_EXIT = "VZ-DEMO-OUT-2";
    static final long DAY_CAP_FEN = 2_500;

    private final Api operator;
    private final Api staff;
    private final Api camera;
    private final Progress progress;

    DemoFranchise(Api operator, Api staff, Api camera, Progress progress) {
        this.operator = operator;
        this.staff = staff;
        this.camera = camera;
        this.progress = progress;
    }

    void seed(String community) {
        if (!expect(operator.get("/api/franchise/agreements?communityId=" + community), 200).isEmpty()) {
            return;
        }
        String parking = "/api/parking/communities/" + community;
        String garage = misconfiguredGarage(parking);
        String agreement = record(community);
        progress.say("franchise: %s recorded (20%% to the owners, caps of 25 yuan a day); its caps published to parking and leasing".formatted(TITLE));
        int visits = visitorsPayingCash(community, parking, garage);
        expect(key(operator).post("/api/franchise/agreements/" + agreement + "/reports", Map.of("year", 2025, "revenueFen", 185_000_000L,
                "costsFen", 120_000_000L, "investedFen", 3_000_000_000L, "kpiActuals", Map.of("complaint_response_hours", 20, "spaces_in_service_percent", 97))),
                201);
        progress.say("franchise: %d garage visits paid at the booth (one of 60 yuan over the 25-yuan day cap), the 2025 report filed late"
                .formatted(visits));
    }

    /** The garage the operator built, its visitor tariff from before the franchise: 10 yuan an hour, 100 a day. */
    private String misconfiguredGarage(String parking) {
        Map<String, Object> lot = new HashMap<>(Map.of("name", GARAGE, "capacity", 120, "visitorSpaceKind", "OPERATOR_OWNED", "minimumFeeFen", 500,
                "permitQuota", 0, "permitMonthlyFen", 30_000, "permitSpaceKind", "OPERATOR_OWNED", "permitGraceDays", 3));
        String path = parking + "/lots/" + expect(key(staff).post(parking + "/lots", lot), 201).get("id").asString();
        expect(key(staff).post(path + "/gates", Map.of("serial", GARAGE_ENTRY, "name", "西门车库入口", "direction", "ENTRY")), 201);
        expect(key(staff).post(path + "/gates", Map.of("serial", GARAGE_EXIT, "name", "西门车库出口", "direction", "EXIT")), 201);
        expect(key(staff).post(path + "/tariffs", Map.of("audience", "VISITOR", "effectiveFrom", Instant.now().minus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.SECONDS).toString(), "freeMinutes", 15, "unitMinutes", 60, "firstHourFen", 1_000, "nextHourFen", 1_000,
                "dailyCapFen", 10_000)), 201);
        return path;
    }

    /** Records the agreement once franchise knows the community (400 "no such community" until then). */
    private String record(String community) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        ApiResponse answer;
        while ((answer = key(operator).post("/api/franchise/agreements", terms(community))).status() == 400 && answer.body().contains("no such community")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("franchise did not learn of the demo community within " + DemoSeed.EVENT_WAIT.toSeconds() + " s; see .devstack/logs/franchise.log");
            }
            sleep();
        }
        return expect(answer, 201).get("id").asString();
    }

    private static Map<String, Object> terms(String community) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", TITLE);
        terms.put("operatorName", "北京愿景明德物业管理有限公司");
        terms.put("operatorCreditCode", dev.commonhold.platform.ids.CreditCode.withCheckCharacter("91110105MA01YJMD8"));
        terms.put("jurisdiction", "110105");
        terms.put("communities", List.of(community));
        terms.put("assets", List.of(Map.of("kind", "PARKING_SPACES", "quantity", 180, "description", "运营方投资建设的立体车库与地下车位"),
                Map.of("kind", "IDLE_ROOM_CENTI_M2", "quantity", 160_000, "description", "闲置配套用房约 1,600 m²（改造为便民商业与服务用房）")));
        terms.put("coveredClasses", List.of("parking_operator", "lease_operator_space"));
        terms.put("term", Map.of("startsOn", "2025-01-01", "endsOn", "2044-12-31"));
        terms.put("tariffCaps", List.of(
                cap("parking_operator", "HOUR", 500, "京朝发改价〔2025〕7号"),
                cap("parking_operator", "DAY", DAY_CAP_FEN, "京朝发改价〔2025〕7号"),
                cap("parking_operator", "MONTH", 30_000, "京朝发改价〔2025〕7号"),
                cap("lease_operator_space", "M2_MONTH", 12_000, "京朝发改价〔2025〕8号")));
        terms.put("revenueShare", Map.of("fixedFenPerYear", 0, "rateBasisPoints", 2_000, "bands", List.of(), "minimumFenPerYear", 5_000_000,
                "payee", "OWNERS"));
        terms.put("returnCap", Map.of("metric", "IRR", "capBasisPoints", 600, "excessBands", List.of(
                Map.of("aboveCapBasisPoints", 0, "shareBasisPoints", 5_000), Map.of("aboveCapBasisPoints", 200, "shareBasisPoints", 8_000))));
        terms.put("investment", List.of(Map.of("dueOn", "2025-06-30", "amountFen", 3_000_000_000L, "purpose", "立体车库、管网改造与闲置用房更新")));
        terms.put("kpis", List.of(
                Map.of("code", "complaint_response_hours", "name", "投诉响应时长（小时）", "target", 24, "higherIsBetter", false, "weight", 2,
                        "penaltyFen", 1_000_000),
                Map.of("code", "spaces_in_service_percent", "name", "车位完好率（%）", "target", 95, "higherIsBetter", true, "weight", 1,
                        "penaltyFen", 500_000)));
        terms.put("reportEveryMonths", 12);
        terms.put("evaluateEveryMonths", 24);
        terms.put("handBack", "期满无偿移交业主大会：车库与用房完好率不低于 90%，移交前一年完成大修");
        return terms;
    }

    private static Map<String, Object> cap(String revenueClass, String unit, long fen, String reference) {
        Map<String, Object> cap = new HashMap<>(Map.of("revenueClass", revenueClass, "unit", unit, "capFen", fen, "validFrom", "2025-01-01",
                "reference", reference));
        cap.put("validTo", null);
        return cap;
    }

    /**
     * Five visitors of up to two hours (within the cap) and one of six hours (60 yuan), all left in the last minutes
     * and paid cash at the booth: billing settles them as parking_operator, the franchise's revenue.
     *
     * @return the visits
     */
    private int visitorsPayingCash(String community, String parking, String garage) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int[] minutes = {45, 80, 110, 60, 100, 360};
        for (int i = 0; i < minutes.length; i++) {
            String plate = "京N" + "F%04d".formatted(2_101 + i);
            Instant out = now.minus(Duration.ofMinutes(minutes.length - i));
            expect(key(camera).post(parking + "/gate-events", read(GARAGE_ENTRY, "fr-in-" + i, plate, out.minus(Duration.ofMinutes(minutes[i])))), 200);
            JsonNode exit = expect(key(camera).post(parking + "/gate-events", read(GARAGE_EXIT, "fr-out-" + i, plate, out)), 200);
            JsonNode session = expect(staff.get(parking + "/sessions/" + exit.get("sessionId").asString()), 200);
            payCash(community, session.get("chargeId").asString(), session.get("priceFen").asLong(), "DEMO-FR-" + (i + 1));
        }
        return minutes.length;
    }

    private void payCash(String community, String chargeId, long fen, String receipt) {
        String pay = "/api/billing/communities/" + community + "/charges/" + chargeId + "/payments";
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        ApiResponse paid;
        while ((paid = key(staff).post(pay, Map.of("amountFen", fen, "method", "CASH", "receiptNumber", receipt))).status() == 404
                && System.nanoTime() < deadline) {
            sleep(); // billing has not invoiced the charge yet
        }
        if (paid.status() != 409) { // paid already (a second seed)
            expect(paid, 201);
        }
    }

    private static Map<String, Object> read(String gate, String id, String plate, Instant at) {
        return Map.of("gateSerial", gate, "cameraEventId", id, "plate", plate, "capturedAt", at.toString(), "confidence", 95);
    }

    private static Api key(Api api) {
        return api.header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the demo franchise failed: " + response);
        }
        return response.json();
    }
}
