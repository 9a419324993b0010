package dev.commonhold.trust.support;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicWriter;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import dev.commonhold.platform.testkit.http.Api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A community as the trust account learns of it — its state and committee on community.state —
 * and money as billing reports it on billing.events, every event checked against contracts/ first.
 */
public final class TrustFixture {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    public final UUID community = UUID.randomUUID();
    public final UUID company = UUID.randomUUID();
    public final TestTokens.User resident = Infra.tokens().user("resident").roles("resident").communities(community);
    public final TestTokens.User operatorAdmin = Infra.tokens().user("operator-admin").roles("operator-admin").company(company);
    public final TestTokens.User staff = Infra.tokens().user("staff").roles("operator-staff").company(company);
    public final TestTokens.User chair = Infra.tokens().user("chair").roles("committee", "resident").communities(community);
    public final TestTokens.User member = Infra.tokens().user("member").roles("committee", "resident").communities(community);
    private final int port;

    public TrustFixture(int port) {
        this.port = port;
    }

    public Api as(TestTokens.User user) {
        return new Api("http://localhost:" + port).as(user.token());
    }

    /** The community and a committee of {@link #chair} and {@link #member}. */
    public TrustFixture registered() {
        return registered(List.of(chair, member));
    }

    /** The community and a committee of these users (the first is the chair): a new appointment replaces the committee. */
    public TrustFixture registered(List<TestTokens.User> committee) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < committee.size(); i++) {
            members.add(member("委员" + i, i == 0 ? "CHAIR" : "MEMBER", committee.get(i).subject()));
        }
        send(List.of(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "劲松北社区",
                "city", "北京市", "district", "朝阳区", "divisionCode", "110105", "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString())),
                envelope("community.committee-state.v1", community, UUID.nameUUIDFromBytes(("committee-of:" + community).getBytes(StandardCharsets.UTF_8)),
                        Map.of("communityId", community.toString(), "committeeKey",
                                UUID.nameUUIDFromBytes(("committee-of:" + community).getBytes(StandardCharsets.UTF_8)).toString(),
                                "committeeId", UUID.randomUUID().toString(), "kind", "OWNERS_COMMITTEE", "termStart", "2026-01-01", "termEnd", "2030-12-31",
                                "members", members))));
        return this;
    }

    private static Map<String, Object> member(String name, String role, String userId) {
        return Map.of("memberId", UUID.randomUUID().toString(), "name", name, "role", role, "userId", userId);
    }

    /** billing.payment-settled.v1 for one line paid by WeChat Pay; returns the envelope so a test can deliver it again. */
    public EventEnvelope settled(UUID settlementId, String revenueClass, String baseRevenueClass, long fen, Instant at) {
        return settled(settlementId, revenueClass, baseRevenueClass, fen, at, "WECHAT_PAY");
    }

    /** billing.payment-settled.v1 for one line paid through {@code channel} (CREDIT: from the household's credit). */
    public EventEnvelope settled(UUID settlementId, String revenueClass, String baseRevenueClass, long fen, Instant at, String channel) {
        Map<String, Object> p = new LinkedHashMap<>();
        UUID line = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        p.put("settlementId", settlementId.toString());
        p.put("paymentId", UUID.randomUUID().toString());
        p.put("invoiceId", UUID.randomUUID().toString());
        p.put("lineId", line.toString());
        p.put("chargeId", line.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "unit", "unitId", unit.toString(), "reference", "3号楼-201", "name", "王业主"));
        p.put("unitId", unit.toString());
        p.put("revenueClass", revenueClass);
        p.put("baseRevenueClass", baseRevenueClass);
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", channel);
        p.put("channelTransactionId", "4200" + Math.abs(settlementId.getMostSignificantBits() % 1_000_000_000L));
        p.put("settledAt", at.toString());
        p.put("lineSettledInFull", true);
        return envelope("billing.payment-settled.v1", community, settlementId, p);
    }

    /** billing.credit-received.v1: {@code fen} of payment {@code paymentId} became 3号楼-201's credit. */
    public EventEnvelope creditReceived(UUID paymentId, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        UUID unit = UUID.randomUUID();
        p.put("paymentId", paymentId.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "unit", "unitId", unit.toString(), "reference", "3号楼-201", "name", "王业主"));
        p.put("unitId", unit.toString());
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "CASH");
        p.put("receivedAt", at.toString());
        return envelope("billing.credit-received.v1", community, paymentId, p);
    }

    public EventEnvelope refundIssued(UUID refundId, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        UUID unit = UUID.randomUUID();
        p.put("refundId", refundId.toString());
        p.put("communityId", community.toString());
        p.put("payer", Map.of("kind", "unit", "unitId", unit.toString(), "reference", "3号楼-201", "name", "王业主"));
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("channel", "BANK_TRANSFER");
        p.put("reason", "服务合同终止，退还预收款");
        p.put("issuedAt", at.toString());
        return envelope("billing.refund-issued.v1", community, refundId, p);
    }

    public EventEnvelope creditReversed(UUID paymentId, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reversalId", UUID.randomUUID().toString());
        p.put("paymentId", paymentId.toString());
        p.put("communityId", community.toString());
        p.put("unitId", UUID.randomUUID().toString());
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("reason", "录错房号");
        p.put("reversedAt", at.toString());
        return envelope("billing.credit-reversed.v1", community, paymentId, p);
    }

    public EventEnvelope reversed(UUID settlementId, long fen, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reversalId", UUID.randomUUID().toString());
        p.put("settlementId", settlementId.toString());
        p.put("communityId", community.toString());
        p.put("unitId", UUID.randomUUID().toString());
        p.put("revenueClass", "parking_common");
        p.put("amountFen", fen);
        p.put("currency", "CNY");
        p.put("reason", "银行退票");
        p.put("reversedAt", at.toString());
        return envelope("billing.payment-reversed.v1", community, settlementId, p);
    }

    public static EventEnvelope envelope(String type, UUID community, UUID aggregate, Object payload) {
        return SCHEMAS.envelope(type, community, aggregate, payload);
    }

    /** Sends and waits until Kafka acknowledged every one; keyed by aggregate (state) or community (money). */
    public static void send(List<EventEnvelope> events) {
        TopicWriter.send(Infra.kafka().bootstrapServers(), events.stream().map(EventRecords::of).toList());
    }
}
