package dev.commonhold.fund.support;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.kafka.TopicWriter;
import dev.commonhold.platform.testkit.tokens.TestTokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A community as the fund learns of it — its state and units on community.state — and money as
 * billing reports it on billing.events, every event checked against contracts/ first.
 */
public final class FundFixture {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    /** A unit of the register as the test built it. */
    public record Unit(UUID id, UUID buildingId, String building, String number, int floor, long areaCentiM2, UUID ownerId, TestTokens.User owner) {
        public String reference() {
            return building + "-" + number;
        }
    }

    public final UUID community = UUID.randomUUID();
    public final UUID company = UUID.randomUUID();
    public final TestTokens.User staff = Infra.tokens().user("staff").roles("operator-staff").company(company);
    public final TestTokens.User operatorAdmin = Infra.tokens().user("operator-admin").roles("operator-admin").company(company);
    public final TestTokens.User committee = Infra.tokens().user("committee").roles("resident", "committee").communities(community);
    public final TestTokens.User regulator = Infra.tokens().user("regulator").roles("regulator").jurisdiction("1101");
    public final List<Unit> units = new ArrayList<>();
    private final int port;
    private final String divisionCode;

    public FundFixture(int port) {
        this(port, "110105");
    }

    public FundFixture(int port, String divisionCode) {
        this.port = port;
        this.divisionCode = divisionCode;
    }

    public Api as(TestTokens.User user) {
        return new Api("http://localhost:" + port).as(user.token());
    }

    public String path() {
        return "/api/fund/communities/" + community;
    }

    /** The community, then buildings of {@code floors} floors with {@code perFloor} flats each, every flat its own owner. */
    public FundFixture registered(int buildings, int floors, int perFloor, long areaCentiM2) {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "劲松北社区",
                "city", "北京市", "district", "朝阳区", "divisionCode", divisionCode, "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString())));
        for (int b = 1; b <= buildings; b++) {
            UUID building = UUID.randomUUID();
            for (int f = 1; f <= floors; f++) {
                for (int n = 1; n <= perFloor; n++) {
                    Unit unit = new Unit(UUID.randomUUID(), building, b + "号楼", (f * 100 + n) + "", f, areaCentiM2, UUID.randomUUID(),
                            Infra.tokens().user("owner").roles("resident").communities(community));
                    units.add(unit);
                    events.add(unitState(unit, unit.ownerId(), unit.owner()));
                }
            }
        }
        send(events);
        return this;
    }

    public EventEnvelope unitState(Unit unit, UUID ownerId, TestTokens.User owner) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("unitId", unit.id().toString());
        p.put("buildingId", unit.buildingId().toString());
        p.put("buildingName", unit.building());
        p.put("number", unit.number());
        p.put("floor", unit.floor());
        p.put("exclusiveAreaCentiM2", unit.areaCentiM2());
        p.put("use", "RESIDENTIAL");
        p.put("ownerId", ownerId.toString());
        p.put("ownerKind", "PERSON");
        p.put("ownerName", "业主" + unit.number());
        p.put("ownerUserIds", List.of(owner.subject()));
        p.put("residentUserIds", List.of());
        return envelope("community.unit-state.v1", community, unit.id(), p);
    }

    /** billing.payment-settled.v1 of {@code fen} on the fund's charge {@code chargeId} for this unit. */
    public EventEnvelope settled(UUID settlementId, UUID chargeId, Unit unit, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("settlementId", settlementId.toString());
        p.put("paymentId", UUID.randomUUID().toString());
        p.put("invoiceId", UUID.randomUUID().toString());
        p.put("lineId", UUID.randomUUID().toString());
        p.put("chargeId", chargeId.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "unit", "unitId", unit.id().toString(), "reference", unit.reference(), "name", "业主" + unit.number()));
        p.put("unitId", unit.id().toString());
        p.put("revenueClass", "fund_deposit");
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "BANK_TRANSFER");
        p.put("channelTransactionId", "BT" + Math.abs(settlementId.getMostSignificantBits() % 1_000_000_000L));
        p.put("settledAt", at.toString());
        p.put("lineSettledInFull", true);
        return envelope("billing.payment-settled.v1", community, settlementId, p);
    }

    /** community.resolution-decided.v1 for a vote on {@code matter} by the units or buildings in {@code ids}, with this outcome. */
    public EventEnvelope decided(UUID resolutionId, String matter, String scope, List<UUID> ids, String outcome) {
        Map<String, Object> weight = Map.of("areaCentiM2", 10_000, "owners", 1);
        Map<String, Object> fraction = Map.of("numerator", 1, "denominator", 1);
        Map<String, Object> ratio = Map.of("area", fraction, "owners", fraction);
        Map<String, Object> tally = new LinkedHashMap<>();
        tally.put("approving", weight);
        tally.put("rejecting", Map.of("areaCentiM2", 0, "owners", 0));
        tally.put("abstaining", Map.of("areaCentiM2", 0, "owners", 0));
        tally.put("participating", weight);
        tally.put("participation", ratio);
        tally.put("approval", ratio);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("resolutionId", resolutionId.toString());
        p.put("title", "1号楼屋面防水维修");
        p.put("matter", matter);
        p.put("threshold", "ORDINARY_MAJORITY");
        p.put("electorate", Map.of("scope", scope, "ids", ids.stream().map(UUID::toString).toList(), "areaCentiM2", 10_000, "owners", 1));
        p.put("nonVotersCountAsApproving", false);
        p.put("tally", tally);
        p.put("quorumMet", true);
        p.put("outcome", outcome);
        p.put("openedAt", "2026-11-01T00:00:00Z");
        p.put("closesAt", "2026-11-15T00:00:00Z");
        p.put("decidedAt", "2026-11-15T00:00:02Z");
        return envelope("community.resolution-decided.v1", community, resolutionId, p);
    }

    public static EventEnvelope envelope(String type, UUID community, UUID aggregate, Object payload) {
        return SCHEMAS.envelope(type, community, aggregate, payload);
    }

    public static void send(List<EventEnvelope> events) {
        TopicWriter.send(Infra.kafka().bootstrapServers(), events.stream().map(EventRecords::of).toList());
    }
}
