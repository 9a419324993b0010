package dev.commonhold.leasing.support;

import dev.commonhold.leasing.leases.domain.Tenant;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community as leasing learns of it (community.state, in Guangdong for its 3-month deposit cap),
 * its operator's staff, owners, a regulator and a tenant; the owners' decisions and billing's
 * settlements as the community service and billing publish them — every event checked against contracts/.
 */
public final class LeasingFixture {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    public final UUID community = UUID.randomUUID();
    public final UUID company = UUID.randomUUID();
    public final String tenantLogin = "tenant-" + community.toString().substring(0, 8);
    public final TestTokens.User staff = Infra.tokens().user("staff").roles("operator-staff").company(company);
    public final TestTokens.User owner = Infra.tokens().user("owner").roles("resident").communities(community);
    public final TestTokens.User regulator = Infra.tokens().user("regulator").roles("regulator").jurisdiction("4403");
    public final TestTokens.User tenant = Infra.tokens().user(tenantLogin).roles("tenant");
    public final TestTokens.User otherStaff = Infra.tokens().user("staff2").roles("operator-staff").company(UUID.randomUUID());
    private final int port;

    public LeasingFixture(int port) {
        this.port = port;
    }

    public Api as(TestTokens.User user) {
        return new Api("http://localhost:" + port).as(user.token()).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public String path() {
        return "/api/leasing/communities/" + community;
    }

    public LeasingFixture registered() {
        send(List.of(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "福田花园",
                "city", "深圳市", "district", "福田区", "divisionCode", "440304", "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString()))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(staff).get(path() + "/spaces").status() == 200);
        return this;
    }

    /** A space; {@code approvalExpires} for civil-defence space. */
    public String space(String code, String kind, String ownership, LocalDate approvalExpires) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "空间" + code, "kind", kind, "ownership", ownership, "areaCentiM2", 4_250));
        if (approvalExpires != null) {
            body.put("civilDefenceApproval", Map.of("number", "深人防审字〔2025〕018号", "expiresOn", approvalExpires.toString()));
        }
        if (ownership.equals("OPERATOR_FRANCHISE")) {
            body.put("franchiseReference", "FR-2025-001");
        }
        return expect(as(staff).post(path() + "/spaces", body), 201).get("id").asString();
    }

    /** A lease body: a business tenant, monthly rent of 5,000 yuan paid quarterly, deposit of 3 months. */
    public Map<String, Object> lease(String space, LocalDate start, LocalDate end) {
        Map<String, Object> tenant = new HashMap<>(Map.of("kind", "BUSINESS", "name", "深圳市便民超市有限公司",
                "licenceNumber", dev.commonhold.platform.ids.CreditCode.withCheckCharacter("91440300MA5FABCDE"), "login", tenantLogin));
        Map<String, Object> rent = new HashMap<>(Map.of("monthlyRentFen", 500_000, "escalationBasisPoints", 300, "rentFreeMonths", 0,
                "billingCycleMonths", 3, "depositFen", 1_500_000, "lateFeeBasisPointsPerDay", 5, "lateFeeCapPercent", 20, "penaltyMonths", 2));
        Map<String, Object> body = new HashMap<>(Map.of("tenant", tenant, "spaceIds", List.of(space), "purpose", "便利店", "startOn", start.toString(),
                "endOn", end.toString(), "writtenContract", true, "contractSha256", "ab".repeat(32), "rent", rent));
        return body;
    }

    /** community.resolution-decided.v1 of a 3/4 vote on the commercial use of common parts. */
    public void decided(UUID resolutionId, String outcome) {
        Map<String, Object> weight = Map.of("areaCentiM2", 900_000, "owners", 90);
        Map<String, Object> fraction = Map.of("numerator", 9, "denominator", 10);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("resolutionId", resolutionId.toString());
        p.put("title", "同意将1号楼底商出租经营");
        p.put("matter", "COMMERCIAL_USE_OF_COMMON_PARTS");
        p.put("threshold", "SPECIAL_THREE_QUARTERS");
        p.put("electorate", Map.of("scope", "WHOLE_COMMUNITY", "ids", List.of(), "areaCentiM2", 1_000_000, "owners", 100));
        p.put("nonVotersCountAsApproving", false);
        p.put("tally", Map.of("approving", weight, "rejecting", Map.of("areaCentiM2", 0, "owners", 0), "abstaining", Map.of("areaCentiM2", 0, "owners", 0),
                "participating", weight, "participation", Map.of("area", fraction, "owners", fraction), "approval", Map.of("area", fraction, "owners", fraction)));
        p.put("quorumMet", true);
        p.put("outcome", outcome);
        p.put("openedAt", Instant.now().minus(Duration.ofDays(8)).toString());
        p.put("closesAt", Instant.now().minus(Duration.ofDays(1)).toString());
        p.put("decidedAt", Instant.now().minus(Duration.ofDays(1)).toString());
        send(List.of(envelope("community.resolution-decided.v1", community, resolutionId, p)));
    }

    /** billing.payment-settled.v1 of (part of) a leasing charge. */
    public void settled(String chargeId, String revenueClass, long fen, Instant at) {
        UUID settlementId = UUID.randomUUID();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("settlementId", settlementId.toString());
        p.put("paymentId", UUID.randomUUID().toString());
        p.put("invoiceId", UUID.randomUUID().toString());
        p.put("lineId", UUID.randomUUID().toString());
        p.put("chargeId", chargeId);
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "tenant", "reference", "ZL"));
        p.put("revenueClass", revenueClass);
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "BANK_TRANSFER");
        p.put("channelTransactionId", "B" + settlementId.toString().substring(0, 8));
        p.put("settledAt", at.toString());
        p.put("lineSettledInFull", true);
        send(List.of(envelope("billing.payment-settled.v1", community, settlementId, p)));
    }

    /** What leasing published for this community on leasing.events, of a type, waiting until at least {@code atLeast} arrived. */
    public List<JsonNode> published(String type, int atLeast) {
        List<EventEnvelope> found = new ArrayList<>();
        TopicReader.read(Infra.kafka().bootstrapServers(), "leasing.events", Duration.ofSeconds(20), records -> {
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
