package dev.commonhold.parking.support;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community as parking learns of it (community.state), a lot with gates and a visitor tariff
 * set up by its operator's staff, a camera of that operator, and billing's settlements — every
 * event checked against contracts/ first.
 */
public final class ParkingFixture {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    public final UUID community = UUID.randomUUID();
    public final UUID company = UUID.randomUUID();
    public final UUID owner1Unit = UUID.randomUUID();
    public final UUID tenantUnit = UUID.randomUUID();
    public final UUID owner2Unit = UUID.randomUUID();
    public final TestTokens.User staff = Infra.tokens().user("staff").roles("operator-staff").company(company);
    public final TestTokens.User camera = Infra.tokens().user("service-account-commonhold-gate").roles("gate-device").company(company);
    public final TestTokens.User owner1 = Infra.tokens().user("owner1").roles("resident").communities(community);
    public final TestTokens.User owner2 = Infra.tokens().user("owner2").roles("resident").communities(community);
    public final TestTokens.User tenant = Infra.tokens().user("tenant").roles("resident").communities(community);
    private final int port;
    public String lot;

    public ParkingFixture(int port) {
        this.port = port;
    }

    public Api as(TestTokens.User user) {
        return new Api("http://localhost:" + port).as(user.token());
    }

    public String path() {
        return "/api/parking/communities/" + community;
    }

    /** The community and three flats: two lived in by their owners, one let to a tenant. */
    public ParkingFixture registered() {
        send(List.of(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "劲松北社区",
                        "city", "北京市", "district", "朝阳区", "divisionCode", "110105", "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString())),
                unit(owner1Unit, "101", owner1, null), unit(tenantUnit, "102", null, tenant), unit(owner2Unit, "201", owner2, null)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(staff).get(path() + "/lots").status() == 200);
        return this;
    }

    /** A lot of common land with an entry and an exit camera, and the visitor tariff of PricingTest (30 min free, 6 / 4 yuan, cap 40). */
    public ParkingFixture lot(int capacity, int permitQuota) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "东区地面停车场", "capacity", capacity, "visitorSpaceKind", "COMMON_LAND", "minimumFeeFen", 500,
                "maxHourFen", 800, "maxDailyFen", 5000, "permitQuota", permitQuota, "permitMonthlyFen", 30000, "permitSpaceKind", "COMMON_LAND"));
        body.put("permitGraceDays", 3);
        lot = expect(as(staff).post(path() + "/lots", body), 201).get("id").asString();
        expect(as(staff).post(lotPath() + "/gates", Map.of("serial", "IN-" + lot.substring(28), "name", "东门入口", "direction", "ENTRY")), 201);
        expect(as(staff).post(lotPath() + "/gates", Map.of("serial", "OUT-" + lot.substring(28), "name", "东门出口", "direction", "EXIT")), 201);
        Map<String, Object> plan = new HashMap<>(Map.of("audience", "VISITOR", "freeMinutes", 30, "unitMinutes", 60, "firstHourFen", 600,
                "nextHourFen", 400, "dailyCapFen", 4000));
        plan.put("effectiveFrom", "2026-01-01T00:00:00Z");
        expect(as(staff).post(lotPath() + "/tariffs", plan), 201);
        return this;
    }

    /** franchise.tariff-caps-set.v1 for this community: parking_common capped at {@code hourFen} an hour and {@code dayFen} a day from 2025 (FR2). */
    public void franchiseCaps(UUID agreement, int version, long hourFen, long dayFen) {
        List<Map<String, Object>> caps = List.of(cap("HOUR", hourFen), cap("DAY", dayFen));
        send(List.of(envelope("franchise.tariff-caps-set.v1", community, agreement, Map.of("agreementId", agreement.toString(), "version", version,
                "communityId", community.toString(), "effectiveFrom", "2025-01-01", "caps", caps, "setAt", Instant.now().toString()))));
    }

    private static Map<String, Object> cap(String unit, long fen) {
        Map<String, Object> cap = new HashMap<>(Map.of("revenueClass", "parking_common", "unit", unit, "capFen", fen, "validFrom", "2025-01-01",
                "reference", "京朝发改价〔2025〕7号"));
        cap.put("validTo", null);
        return cap;
    }

    public String lotPath() {
        return path() + "/lots/" + lot;
    }

    public String entryGate() {
        return "IN-" + lot.substring(28);
    }

    public String exitGate() {
        return "OUT-" + lot.substring(28);
    }

    /** A camera's read at a gate. */
    public ApiResponse read(String gate, String eventId, String plate, Instant at) {
        return as(camera).post(path() + "/gate-events", Map.of("gateSerial", gate, "cameraEventId", eventId, "plate", plate,
                "capturedAt", at.toString(), "confidence", 93));
    }

    public EventEnvelope unit(UUID id, String number, TestTokens.User owner, TestTokens.User resident) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("unitId", id.toString());
        p.put("buildingId", UUID.nameUUIDFromBytes(community.toString().getBytes()).toString());
        p.put("buildingName", "1号楼");
        p.put("number", number);
        p.put("floor", 1);
        p.put("exclusiveAreaCentiM2", 8_000);
        p.put("use", "RESIDENTIAL");
        p.put("ownerId", UUID.randomUUID().toString());
        p.put("ownerKind", "PERSON");
        p.put("ownerName", "业主" + number);
        p.put("ownerUserIds", owner == null ? List.of() : List.of(owner.subject()));
        p.put("residentUserIds", resident == null ? List.of() : List.of(resident.subject()));
        return envelope("community.unit-state.v1", community, id, p);
    }

    /** billing.payment-settled.v1 of the whole of a parking charge. */
    public EventEnvelope settled(UUID settlementId, UUID chargeId, String plate, String revenueClass, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("settlementId", settlementId.toString());
        p.put("paymentId", UUID.randomUUID().toString());
        p.put("invoiceId", UUID.randomUUID().toString());
        p.put("lineId", UUID.randomUUID().toString());
        p.put("chargeId", chargeId.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "plate", "reference", plate));
        p.put("revenueClass", revenueClass);
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "WECHAT_PAY");
        p.put("channelTransactionId", "4200" + Math.abs(settlementId.getMostSignificantBits() % 1_000_000_000L));
        p.put("settledAt", at.toString());
        p.put("lineSettledInFull", true);
        return envelope("billing.payment-settled.v1", community, settlementId, p);
    }

    /** billing.payment-reversed.v1 of a settlement published before. */
    public EventEnvelope reversed(UUID reversalId, UUID settlementId, String revenueClass, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reversalId", reversalId.toString());
        p.put("settlementId", settlementId.toString());
        p.put("communityId", community.toString());
        p.put("revenueClass", revenueClass);
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("reason", "渠道退单");
        p.put("reversedAt", at.toString());
        return envelope("billing.payment-reversed.v1", community, reversalId, p);
    }

    /** What parking published for this community on parking.events, of a type, waiting until at least {@code atLeast} arrived. */
    public List<JsonNode> published(String type, int atLeast) {
        List<EventEnvelope> found = new ArrayList<>();
        TopicReader.read(Infra.kafka().bootstrapServers(), "parking.events", Duration.ofSeconds(20), records -> {
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
