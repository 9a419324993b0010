package dev.commonhold.franchise.support;

import dev.commonhold.platform.ids.CreditCode;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.kafka.TopicWriter;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community in Beijing's Chaoyang district (110105) under a parking and idle-space franchise like the
 * Jinsong model (FR6), as franchise learns of it from community.state; the operator's admin and staff, a
 * resident, the district's regulator and another district's; billing's settlements and parking's charges as
 * those services publish them — every event checked against contracts/.
 */
public final class FranchiseFixture {

    public static final String PARKING_CAP_REFERENCE = "京朝发改价〔2025〕7号";
    private static final EventSchemas SCHEMAS = new EventSchemas();

    public final UUID community = UUID.randomUUID();
    public final UUID company = UUID.randomUUID();
    public final String creditCode = CreditCode.withCheckCharacter("91110105MA0" + Math.floorMod(community.hashCode(), 1_000_000) % 10 + "ABCDE");
    public final TestTokens.User admin = Infra.tokens().user("admin-" + short8()).roles("operator-admin").company(company);
    public final TestTokens.User staff = Infra.tokens().user("staff-" + short8()).roles("operator-staff").company(company);
    public final TestTokens.User otherAdmin = Infra.tokens().user("admin-other").roles("operator-admin").company(UUID.randomUUID());
    public final TestTokens.User resident = Infra.tokens().user("resident-" + short8()).roles("resident").communities(community);
    public final TestTokens.User otherResident = Infra.tokens().user("resident-other").roles("resident").communities(UUID.randomUUID());
    public final TestTokens.User regulator = Infra.tokens().user("chaoyang-housing").roles("regulator").jurisdiction("110105");
    public final TestTokens.User cityRegulator = Infra.tokens().user("beijing-housing").roles("regulator").jurisdiction("11");
    public final TestTokens.User otherRegulator = Infra.tokens().user("huangpu-housing").roles("regulator").jurisdiction("310101");
    private final int port;

    public FranchiseFixture(int port) {
        this.port = port;
    }

    private String short8() {
        return community.toString().substring(0, 8);
    }

    public Api as(TestTokens.User user) {
        return new Api("http://localhost:" + port).as(user.token()).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Tells franchise of the community (community.state). */
    public FranchiseFixture registered() {
        send(List.of(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "劲松北社区",
                "city", "北京市", "district", "朝阳区", "divisionCode", "110105", "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString()))));
        return this;
    }

    /**
     * The Jinsong-like terms: 20 years from 2025-01-01, parking (parking_operator) capped at 20.00 yuan a day and 2.00
     * an hour, idle space (lease_operator_space) at 1.50 yuan per m² a month; 20% of the covered revenue to the owners
     * with a 1,000 yuan yearly minimum; return capped at 6% IRR, half the excess shared; 30 million yuan invested by mid-2025.
     */
    public Map<String, Object> terms() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", "劲松北社区停车及闲置空间特许经营协议");
        terms.put("operatorName", "北京愿景明德物业管理有限公司");
        terms.put("operatorCreditCode", creditCode);
        terms.put("jurisdiction", "110105");
        terms.put("communities", List.of(community.toString()));
        terms.put("assets", List.of(Map.of("kind", "PARKING_SPACES", "quantity", 120, "description", "地面停车位"),
                Map.of("kind", "IDLE_ROOM_CENTI_M2", "quantity", 160_000, "description", "闲置配套用房 1,600 m²")));
        terms.put("coveredClasses", List.of("parking_operator", "lease_operator_space"));
        terms.put("term", Map.of("startsOn", "2025-01-01", "endsOn", "2044-12-31"));
        terms.put("tariffCaps", List.of(
                cap("parking_operator", "DAY", 2_000, PARKING_CAP_REFERENCE),
                cap("parking_operator", "HOUR", 200, PARKING_CAP_REFERENCE),
                cap("lease_operator_space", "M2_MONTH", 150, "京朝发改价〔2025〕8号")));
        terms.put("revenueShare", Map.of("fixedFenPerYear", 0, "rateBasisPoints", 2_000, "bands", List.of(), "minimumFenPerYear", 100_000,
                "payee", "OWNERS"));
        terms.put("returnCap", Map.of("metric", "IRR", "capBasisPoints", 600, "excessBands", List.of(Map.of("aboveCapBasisPoints", 0,
                "shareBasisPoints", 5_000))));
        terms.put("investment", List.of(Map.of("dueOn", "2025-06-30", "amountFen", 3_000_000_000L, "purpose", "立体停车、管网与闲置用房改造")));
        terms.put("kpis", List.of(Map.of("code", "complaint_response_hours", "name", "投诉响应时长（小时）", "target", 24, "higherIsBetter", false,
                "weight", 1, "penaltyFen", 500_000)));
        terms.put("reportEveryMonths", 12);
        terms.put("evaluateEveryMonths", 24);
        terms.put("handBack", "期满无偿移交业主大会，设施完好率不低于 90%");
        return terms;
    }

    private static Map<String, Object> cap(String revenueClass, String unit, long fen, String reference) {
        Map<String, Object> cap = new HashMap<>();
        cap.put("revenueClass", revenueClass);
        cap.put("unit", unit);
        cap.put("capFen", fen);
        cap.put("validFrom", "2025-01-01");
        cap.put("validTo", null);
        cap.put("reference", reference);
        return cap;
    }

    /** Records the terms once franchise knows the community (400 "no such community" until then) and returns the agreement's id. */
    public String agreement() {
        JsonNode[] recorded = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiResponse answer = as(admin).post("/api/franchise/agreements", terms());
            assertThat(answer.status()).as(answer.toString()).isIn(201, 400);
            recorded[0] = answer.status() == 201 ? answer.json() : null;
            return recorded[0] != null;
        });
        return recorded[0].get("id").asString();
    }

    /** billing.payment-settled.v1 of a charge in this community, paid in full now; returns the settlement id. */
    public UUID settled(UUID chargeId, String revenueClass, long fen) {
        UUID settlementId = UUID.randomUUID();
        send(List.of(settlement(settlementId, chargeId, revenueClass, fen)));
        return settlementId;
    }

    public EventEnvelope settlement(UUID settlementId, UUID chargeId, String revenueClass, long fen) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("settlementId", settlementId.toString());
        p.put("paymentId", UUID.randomUUID().toString());
        p.put("invoiceId", UUID.randomUUID().toString());
        p.put("lineId", UUID.randomUUID().toString());
        p.put("chargeId", chargeId.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "plate", "reference", "京A12345"));
        p.put("revenueClass", revenueClass);
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "WECHAT_PAY");
        p.put("channelTransactionId", "4200" + settlementId.toString().substring(0, 8));
        p.put("settledAt", Instant.now().toString());
        p.put("lineSettledInFull", true);
        return envelope("billing.payment-settled.v1", community, settlementId, p);
    }

    public void reversed(UUID settlementId, long fen) {
        send(List.of(envelope("billing.payment-reversed.v1", community, settlementId, Map.of("reversalId", UUID.randomUUID().toString(),
                "settlementId", settlementId.toString(), "communityId", community.toString(), "revenueClass", "parking_operator", "amountFen", fen,
                "currency", "CNY", "reason", "渠道退款", "reversedAt", Instant.now().toString()))));
    }

    /** parking.charge-raised.v1 of a visit from {@code from} to {@code to} (both days served). */
    public UUID parkingCharge(long fen, LocalDate from, LocalDate to) {
        UUID chargeId = UUID.randomUUID();
        Map<String, Object> p = new HashMap<>();
        p.put("chargeId", chargeId.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "plate", "reference", "京A12345"));
        p.put("revenueClass", "parking_operator");
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("periodStart", from.toString());
        p.put("periodEnd", to.toString());
        p.put("dueOn", to.toString());
        p.put("description", "临时停车 京A12345");
        p.put("sourceReference", "parking:session:" + chargeId);
        p.put("replacesChargeId", null);
        send(List.of(envelope("parking.charge-raised.v1", community, chargeId, p)));
        return chargeId;
    }

    public void parkingChargeCancelled(UUID chargeId) {
        send(List.of(envelope("parking.charge-cancelled.v1", community, chargeId, Map.of("chargeId", chargeId.toString(),
                "communityId", community.toString(), "reason", "免费放行"))));
    }

    /** The year's review as the operator's admin reads it once {@code until} holds. */
    public JsonNode reviewWhen(String agreement, int year, java.util.function.Predicate<JsonNode> until) {
        Supplier<JsonNode> read = () -> expect(as(admin).get("/api/franchise/agreements/" + agreement + "/years/" + year + "/review"), 200).get("review");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> until.test(read.get()));
        return read.get();
    }

    /** What franchise published for this community on franchise.events, of a type, waiting until at least {@code atLeast} arrived. */
    public List<JsonNode> published(String type, int atLeast) {
        List<EventEnvelope> found = new ArrayList<>();
        TopicReader.read(Infra.kafka().bootstrapServers(), "franchise.events", Duration.ofSeconds(20), records -> {
            found.clear();
            records.stream().map(r -> EventJson.read(r.value())).filter(e -> e.type().equals(type) && community.equals(e.communityId()))
                    .forEach(found::add);
            return found.size() >= atLeast;
        });
        found.forEach(SCHEMAS::requireValid);
        return found.stream().map(EventEnvelope::payload).toList();
    }

    public static EventEnvelope envelope(String type, UUID community, UUID aggregate, Object payload) {
        return SCHEMAS.envelope(type, community, aggregate, payload);
    }

    public static void send(List<EventEnvelope> events) {
        TopicWriter.send(Infra.kafka().bootstrapServers(), events.stream().map(EventRecords::of).toList());
    }

    public static JsonNode expect(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }
}
