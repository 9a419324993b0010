package dev.commonhold.commerce.support;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community in Shenzhen (its elderly meal subsidy) as commerce learns of it, its operator's staff, a
 * resident, a canteen merchant with its login, the street office; billing's settlements as billing
 * publishes them — every event checked against contracts/.
 */
public final class CommerceFixture {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    public final UUID community = UUID.randomUUID();
    public final UUID company = UUID.randomUUID();
    public final String residentLogin = "resident-" + community.toString().substring(0, 8);
    public final String merchantLogin = "canteen-" + community.toString().substring(0, 8);
    public final TestTokens.User staff = Infra.tokens().user("staff").roles("operator-staff").company(company);
    public final TestTokens.User resident = Infra.tokens().user(residentLogin).roles("resident").communities(community);
    public final TestTokens.User merchant = Infra.tokens().user(merchantLogin).roles("merchant");
    public final TestTokens.User streetOffice = Infra.tokens().user("street-office").roles("regulator").jurisdiction("440304");
    public final TestTokens.User otherStreetOffice = Infra.tokens().user("street-office-2").roles("regulator").jurisdiction("1101");
    public final TestTokens.User platform = Infra.tokens().user("platform").roles("platform-admin");
    public final TestTokens.User otherStaff = Infra.tokens().user("staff2").roles("operator-staff").company(UUID.randomUUID());
    public final TestTokens.User otherResident = Infra.tokens().user(residentLogin).roles("resident").communities(UUID.randomUUID());
    private final int port;

    public CommerceFixture(int port) {
        this.port = port;
    }

    public Api as(TestTokens.User user) {
        return new Api("http://localhost:" + port).as(user.token()).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public String path() {
        return "/api/commerce/communities/" + community;
    }

    public CommerceFixture registered() {
        send(List.of(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "福田花园",
                "city", "深圳市", "district", "福田区", "divisionCode", "440304", "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString()))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(staff).get(path() + "/merchants").status() == 200);
        return this;
    }

    /** A merchant: 8% commission of what the buyer pays, {@code communityShareBp} of it the community's; settled T+0. */
    public String merchant(String name, String login, int communityShareBp) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "licenceNumber", CreditCode.withCheckCharacter("91440300MA5F" + Math.floorMod(name.hashCode(), 10) + "ABCD"),
                "settlementBank", "中国银行深圳福田支行", "settlementAccount", "6217850000012345678", "settlementDelayDays", 0,
                "commission", Map.of("rateBasisPoints", 800, "fixedFenPerOrder", 0, "communityShareBasisPoints", communityShareBp)));
        if (login != null) {
            body.put("login", login);
        }
        return expect(as(staff).post(path() + "/merchants", body), 201).get("id").asString();
    }

    /** A canteen meal for the elderly (60+), 15.00 yuan, {@code seats} a day, open all day. */
    public String meal(String merchant, int seats) {
        return expect(as(staff).post(path() + "/merchants/" + merchant + "/offerings", Map.of("kind", "MEAL", "name", "长者午餐套餐",
                "priceFen", 1_500, "eligibility", "ELDERLY", "minAge", 60, "capacityPerDay", seats, "opensAt", "00:00", "closesAt", "23:59:59")),
                201).get("id").asString();
    }

    /** billing.payment-settled.v1 of one of commerce's charges, paid in full. */
    public void settled(String chargeId, String revenueClass, long fen) {
        UUID settlementId = UUID.randomUUID();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("settlementId", settlementId.toString());
        p.put("paymentId", UUID.randomUUID().toString());
        p.put("invoiceId", UUID.randomUUID().toString());
        p.put("lineId", UUID.randomUUID().toString());
        p.put("chargeId", chargeId);
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "customer", "reference", "DD"));
        p.put("revenueClass", revenueClass);
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "WECHAT_PAY");
        p.put("channelTransactionId", "4200" + settlementId.toString().substring(0, 8));
        p.put("settledAt", Instant.now().toString());
        p.put("lineSettledInFull", true);
        send(List.of(envelope("billing.payment-settled.v1", community, settlementId, p)));
    }

    /** Pays every open charge of an order as billing would, and waits until commerce has it paid. */
    public JsonNode pay(TestTokens.User viewer, JsonNode order) {
        order.get("charges").forEach(c -> settled(c.get("chargeId").asString(), c.get("revenueClass").asString(), c.get("amountFen").asLong()));
        String id = order.get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !"PLACED".equals(expect(as(viewer).get(path() + "/orders/" + id), 200)
                .get("status").asString()));
        return expect(as(viewer).get(path() + "/orders/" + id), 200);
    }

    /** What commerce published for this community on commerce.events, of a type, waiting until at least {@code atLeast} arrived. */
    public List<JsonNode> published(String type, int atLeast) {
        List<EventEnvelope> found = new ArrayList<>();
        TopicReader.read(Infra.kafka().bootstrapServers(), "commerce.events", Duration.ofSeconds(20), records -> {
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
