package dev.commonhold.trust.books.web;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.merkle.MerkleProofs;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.trust.books.app.Books;
import dev.commonhold.trust.books.app.Settled;
import dev.commonhold.trust.support.TrustFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Settled money reaches the owners' books once, by its class, and anyone entitled can read and verify them. */
@IntegrationTest
class TrustBooksIT {

    private static final Instant OCTOBER = Instant.parse("2026-10-15T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    Books books;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void settledPaymentsArePostedOnceByClassAndBalance() {
        TrustFixture f = new TrustFixture(port).registered();
        UUID parking = UUID.randomUUID();
        EventEnvelope parkingPaid = f.settled(parking, "parking_common", null, 1_500, OCTOBER);
        TrustFixture.send(List.of(parkingPaid, parkingPaid, f.settled(UUID.randomUUID(), "property_fee", null, 12_345, OCTOBER),
                f.settled(UUID.randomUUID(), "parking_operator", null, 800, OCTOBER),
                f.settled(UUID.randomUUID(), "late_fee", "parking_common", 30, OCTOBER)));
        TrustFixture.send(List.of(f.settled(parking, "parking_common", null, 1_500, OCTOBER))); // billing resent it as a new event

        JsonNode balances = awaitEntries(f, 3);
        assertThat(balances.get("trialBalanceFen").asLong()).isZero();
        assertThat(balance(balances, "1002")).as("the co-managed account").isEqualTo(1_500 + 12_345 + 30);
        assertThat(balance(balances, "4102")).as("parking on common land, with its late fee").isEqualTo(-1_530);
        assertThat(balance(balances, "4101")).isEqualTo(-12_345);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM posting_note WHERE community_id = ? AND kind = 'NOT_OWNERS'", Long.class, f.community))
                .as("the operator's parking is seen, not posted").isEqualTo(1);

        JsonNode entries = f.as(f.resident).get("/api/trust/communities/" + f.community + "/entries").json().get("items");
        assertThat(entries.get(0).get("description").asString()).startsWith("公共车位停车费收款 15.00 元 · 微信支付");
        assertThat(entries.get(0).get("period").asString()).isEqualTo("2026-10");
        assertThat(entries.get(0).get("postings").get(0).get("accountName").asString()).isEqualTo("银行存款（共管账户）");
    }

    /** L3: a deposit is held, not income; what of it paid the tenant's debts at the lease's end becomes income of each debt's class, once. */
    @Test
    void aDepositIsHeldUntilTheLeaseEndsAndWhatItPaysMovesToTheOwnersIncome() {
        TrustFixture f = new TrustFixture(port).registered();
        UUID lease = UUID.randomUUID();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "deposit", null, 1_500_000, OCTOBER)));
        awaitEntries(f, 1);
        java.util.Map<String, Object> deposit = java.util.Map.of("heldFen", 1_500_000, "appliedFen", 1_007_500, "refundDueFen", 492_500, "carriedFen", 0,
                "applied", List.of(java.util.Map.of("chargeId", UUID.randomUUID().toString(), "kind", "PENALTY", "revenueClass", "lease_common_part",
                                "amountFen", 1_000_000),
                        java.util.Map.of("chargeId", UUID.randomUUID().toString(), "kind", "LATE_FEE", "revenueClass", "lease_common_part", "amountFen", 7_500)));
        java.util.Map<String, Object> ended = new java.util.LinkedHashMap<>(java.util.Map.of("leaseId", lease.toString(), "number", "ZL-2026-0001",
                "communityId", f.community.toString(), "tenantName", "便民超市", "lastDay", "2026-10-31", "ending", "EARLY_BY_TENANT",
                "penaltyFen", 1_000_000, "deposit", deposit, "endedAt", OCTOBER.toString()));
        EventEnvelope event = TrustFixture.envelope("leasing.lease-ended.v1", f.community, lease, ended);
        TrustFixture.send(List.of(event, event, TrustFixture.envelope("leasing.lease-ended.v1", f.community, lease, ended)));

        JsonNode balances = awaitEntries(f, 2);
        assertThat(balance(balances, "2301")).as("deposits held: what is due back to the tenant").isEqualTo(-492_500);
        assertThat(balance(balances, "4103")).as("common parts' leasing income, once though delivered three times").isEqualTo(-1_007_500);
        assertThat(balances.get("trialBalanceFen").asLong()).isZero();
        JsonNode entries = f.as(f.resident).get("/api/trust/communities/" + f.community + "/entries").json().get("items");
        assertThat(entries.get(1).get("description").asString()).startsWith("押金抵扣 10075.00 元 · 租约 ZL-2026-0001");
    }

    /** An order's commission is the owners' income, the merchant's part is held for it until its settlement pays it; a refund takes back both. */
    @Test
    void aCommerceOrderIsHeldForTheMerchantUntilItsSettlementAndARefundComesOutOfCommissionAndWhatIsHeld() {
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "merchant_proceeds", null, 2_208, OCTOBER),
                f.settled(UUID.randomUUID(), "commerce_commission", null, 96, OCTOBER),
                f.settled(UUID.randomUUID(), "commerce_operator_commission", null, 96, OCTOBER)));
        awaitEntries(f, 2);
        UUID order = UUID.randomUUID();
        java.util.Map<String, Object> refund = new java.util.LinkedHashMap<>(java.util.Map.of("orderId", order.toString(), "number", "DD20261001000001",
                "communityId", f.community.toString(), "merchantId", UUID.randomUUID().toString(), "buyerName", "王**",
                "refundId", UUID.randomUUID().toString(), "amountFen", 1_200, "communityCommissionFen", 48, "operatorCommissionFen", 48,
                "merchantFen", 1_104));
        refund.putAll(java.util.Map.of("reason", "菜品未送达", "byReversal", false, "refundedAt", OCTOBER.toString()));
        java.util.Map<String, Object> reversal = new java.util.LinkedHashMap<>(refund);
        reversal.putAll(java.util.Map.of("refundId", UUID.randomUUID().toString(), "byReversal", true));
        UUID settlement = UUID.randomUUID();
        java.util.Map<String, Object> issued = new java.util.LinkedHashMap<>(java.util.Map.of("settlementId", settlement.toString(),
                "number", "JS2026100100001", "communityId", f.community.toString(), "merchantId", UUID.randomUUID().toString(),
                "merchantName", "幸福长者食堂", "throughDate", "2026-10-01", "orders", 2, "refunds", 1, "grossFen", 3_000, "subsidyFen", 600));
        issued.putAll(java.util.Map.of("refundsFen", 1_200, "commissionFen", 96, "netFen", 1_704, "carriedInFen", 0, "payoutFen", 1_104,
                "carriedOutFen", 0, "issuedAt", OCTOBER.toString()));
        EventEnvelope refunded = TrustFixture.envelope("commerce.order-refunded.v1", f.community, order, refund);
        TrustFixture.send(List.of(refunded, refunded, TrustFixture.envelope("commerce.order-refunded.v1", f.community, order, reversal),
                TrustFixture.envelope("commerce.settlement-issued.v1", f.community, settlement, issued)));

        JsonNode balances = awaitEntries(f, 4);
        assertThat(balance(balances, "4105")).as("commission income less the community's part of the refund").isEqualTo(-48);
        assertThat(balance(balances, "2201")).as("held for merchants: 22.08 in, 11.04 refunded, 11.04 paid out").isZero();
        assertThat(balance(balances, "1002")).as("the operator's commission never entered the owners' account").isEqualTo(2_304 - 1_152 - 1_104);
        assertThat(balances.get("trialBalanceFen").asLong()).isZero();
        JsonNode entries = f.as(f.resident).get("/api/trust/communities/" + f.community + "/entries").json().get("items");
        assertThat(entries.get(3).get("description").asString()).startsWith("商户结算付款 11.04 元 · 结算单 JS2026100100001 · 幸福长者食堂");
    }

    @Test
    void theCheckRunAfterEveryTestNamesALedgerWhoseBalancesNoLongerAddUp() {
        UUID ledger = UUID.randomUUID();
        jdbc.update("INSERT INTO ledger_head (ledger_id, size, last_hash) VALUES (?, 0, ?)", ledger, new byte[32]);
        jdbc.update("INSERT INTO ledger_account (ledger_id, code, name, type, balance_fen) VALUES (?, '1002', 'bank', 'ASSET', 5)", ledger);
        try {
            assertThat(dev.commonhold.trust.support.BooksBalanceAfterEachTest.problems(jdbc))
                    .anyMatch(p -> p.contains(ledger + ": trial balance 5"))
                    .anyMatch(p -> p.contains(ledger + " 1002: balance 5 but postings sum to 0"));
        } finally {
            jdbc.update("DELETE FROM ledger_account WHERE ledger_id = ?", ledger);
            jdbc.update("DELETE FROM ledger_head WHERE ledger_id = ?", ledger);
        }
        assertThat(dev.commonhold.trust.support.BooksBalanceAfterEachTest.problems(jdbc)).isEmpty();
    }

    @Test
    void creditIsHeldAsPrepaidFeesUntilItPaysABillOrIsRefundedOrTakenBack() {
        TrustFixture f = new TrustFixture(port).registered();
        UUID prepayment = UUID.randomUUID();
        UUID wrongUnit = UUID.randomUUID();
        EventEnvelope credited = f.creditReceived(prepayment, 10_000, OCTOBER);
        TrustFixture.send(List.of(credited, credited, f.creditReceived(wrongUnit, 2_000, OCTOBER),
                f.settled(UUID.randomUUID(), "property_fee", null, 6_000, OCTOBER.plusSeconds(60), "CREDIT"),
                f.settled(UUID.randomUUID(), "parking_operator", null, 1_000, OCTOBER.plusSeconds(60), "CREDIT"),
                f.refundIssued(UUID.randomUUID(), 3_000, OCTOBER.plusSeconds(120)),
                f.creditReversed(wrongUnit, 2_000, OCTOBER.plusSeconds(180))));

        JsonNode balances = awaitEntries(f, 6);
        assertThat(balances.get("trialBalanceFen").asLong()).isZero();
        assertThat(balance(balances, "1002")).as("12,000 in, 3,000 refunded, 2,000 taken back").isEqualTo(7_000);
        assertThat(balance(balances, "2203")).as("everything credited is spent, refunded or taken back").isZero();
        assertThat(balance(balances, "4101")).as("the bill credit paid is the owners' income").isEqualTo(-6_000);
        assertThat(balance(balances, "2206")).as("the operator's parking paid from credit is owed to the operator").isEqualTo(-1_000);
    }

    @Test
    void underALumpSumContractPrepaidFeesAndPropertyFeesAreTheOperatorsAndAreNotPosted() {
        TrustFixture f = new TrustFixture(port).registered();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM community WHERE id = ?", Long.class, f.community) == 1);
        jdbc.update("UPDATE community SET fee_model = 'LUMP_SUM' WHERE id = ?", f.community); // rule T2: the contract says so
        TrustFixture.send(List.of(f.creditReceived(UUID.randomUUID(), 5_000, OCTOBER),
                f.settled(UUID.randomUUID(), "property_fee", null, 4_000, OCTOBER, "CREDIT"),
                f.settled(UUID.randomUUID(), "parking_common", null, 1_000, OCTOBER)));

        JsonNode balances = awaitEntries(f, 1);
        assertThat(balance(balances, "1002")).as("only the common parking is the owners'").isEqualTo(1_000);
        assertThat(balance(balances, "2203")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM posting_note WHERE community_id = ? AND kind = 'NOT_OWNERS'", Long.class, f.community))
                .isEqualTo(1);
    }

    @Test
    void aReversalMirrorsItsEntryAndAnUnknownClassWaitsInSuspense() {
        TrustFixture f = new TrustFixture(port).registered();
        UUID settlement = UUID.randomUUID();
        TrustFixture.send(List.of(f.settled(settlement, "advertising_common", null, 50_000, OCTOBER)));
        awaitEntries(f, 1);
        TrustFixture.send(List.of(f.reversed(settlement, 50_000, OCTOBER.plusSeconds(3_600)), f.reversed(settlement, 50_000, OCTOBER.plusSeconds(3_600))));
        JsonNode balances = awaitEntries(f, 2);
        assertThat(balance(balances, "4104")).isZero();
        assertThat(balance(balances, "1002")).isZero();

        books.settled(new Settled(UUID.randomUUID(), f.community, "roof_solar_common", null, 7_000, "ALIPAY", "2026101522001", "2号楼屋顶", OCTOBER));
        JsonNode after = f.as(f.resident).get("/api/trust/communities/" + f.community + "/accounts").json();
        assertThat(balance(after, "2241")).as("suspense, for someone to resolve").isEqualTo(-7_000);
        assertThat(jdbc.queryForObject("SELECT detail FROM posting_note WHERE community_id = ? AND kind = 'SUSPENSE'", String.class, f.community))
                .contains("roof_solar_common");
    }

    @Test
    void onlyThoseEntitledReadAndOnlyTheOperatorAdminClosesAnEndedMonth() {
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "parking_common", null, 100, OCTOBER)));
        awaitEntries(f, 1);
        String path = "/api/trust/communities/" + f.community;
        UUID elsewhere = UUID.randomUUID();

        assertThat(new Api("http://localhost:" + port).as(Infra.tokens().user("neighbour").roles("resident").communities(elsewhere).token())
                .get(path + "/accounts").status()).as("another community's resident").isEqualTo(404);
        assertThat(new Api("http://localhost:" + port).as(Infra.tokens().user("rival").roles("operator-admin").company(UUID.randomUUID()).token())
                .post(path + "/months/2026-10/close", java.util.Map.of()).status()).as("another operator").isEqualTo(404);
        assertThat(f.as(f.resident).post(path + "/months/2026-10/close", java.util.Map.of()).status()).isEqualTo(403);
        assertThat(new Api("http://localhost:" + port).as(Infra.tokens().user("officer").roles("regulator").jurisdiction("1101").token())
                .get(path + "/accounts").status()).as("the district's regulator").isEqualTo(200);

        ApiResponse notOver = f.as(f.operatorAdmin).post(path + "/months/" + YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")) + "/close", java.util.Map.of());
        assertThat(notOver.status()).isEqualTo(400);
        assertThat(notOver.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
        ApiResponse badMonth = f.as(f.operatorAdmin).post(path + "/months/2026-13/close", java.util.Map.of());
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(new Api("http://localhost:" + port).as(Infra.tokens().user("platform").roles("platform-admin").token())
                .post(path + "/months/2026-10/close", java.util.Map.of()).status()).as("the operator signs its months, not the platform").isEqualTo(403);
        assertThat(f.as(f.operatorAdmin).post(path + "/months/2026-10/close", java.util.Map.of()).status()).isEqualTo(200);
        ApiResponse outOfOrder = f.as(f.operatorAdmin).post(path + "/months/2026-09/close", java.util.Map.of());
        assertThat(outOfOrder.status()).isEqualTo(400);
        assertThat(outOfOrder.json().get("detail").asString()).contains("in order");
    }

    @Test
    void closedMonthsGiveHeadsThatProofsAndTheExportHoldTo() {
        TrustFixture f = new TrustFixture(port).registered();
        List<EventEnvelope> october = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            october.add(f.settled(UUID.randomUUID(), "parking_common", null, 100 + i, OCTOBER.plusSeconds(i)));
        }
        TrustFixture.send(october);
        awaitEntries(f, 5);
        String path = "/api/trust/communities/" + f.community;
        JsonNode octoberHead = f.as(f.operatorAdmin).post(path + "/months/2026-10/close", java.util.Map.of()).json();
        assertThat(octoberHead.get("treeSize").asLong()).isEqualTo(5);

        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "parking_common", null, 999, OCTOBER.plusSeconds(60))));
        awaitEntries(f, 6);
        JsonNode late = f.as(f.resident).get(path + "/entries?cursor=5").json().get("items").get(0);
        assertThat(late.get("belongsTo").asString()).as("a late October payment posts in the open month").isEqualTo("2026-10");
        assertThat(late.get("period").asString()).isNotEqualTo("2026-10");

        JsonNode proof = f.as(f.resident).get(path + "/proofs/inclusion?entry=3&size=5").json();
        MerkleProofs.verifyInclusion(3, 5, hex(proof.get("leafHash").asString()), hashes(proof.get("path")), hex(octoberHead.get("rootHash").asString()));
        JsonNode consistency = f.as(f.resident).get(path + "/proofs/consistency?from=5&to=6").json();
        MerkleProofs.verifyConsistency(5, 6, hashes(consistency.get("path")), hex(octoberHead.get("rootHash").asString()),
                hex(consistency.get("toRoot").asString()));
        assertThat(f.as(f.resident).get(path + "/proofs/inclusion?entry=9&size=5").status()).isEqualTo(400);

        String export = f.as(f.resident).get(path + "/export").body();
        JournalVerifier verifier = new JournalVerifier();
        export.lines().map(TrustBooksIT::entryOf).forEach(verifier::accept);
        assertThat(verifier.entries()).isEqualTo(6);
        assertThat(verifier.findings()).isEmpty();
        // The download (streamed) and the month's close are in the audit trail, through audit.events (issue 17).
        List<String> audited = new ArrayList<>();
        dev.commonhold.platform.testkit.kafka.TopicReader.read(Infra.kafka().bootstrapServers(), "audit.events", Duration.ofSeconds(20), records -> {
            audited.clear();
            records.stream().map(r -> dev.commonhold.platform.messaging.EventJson.read(r.value())).map(EventEnvelope::payload)
                    .filter(p -> p.path("communityId").asString("").equals(f.community.toString()))
                    .forEach(p -> audited.add(p.get("kind").asString() + " " + p.get("action").asString() + " " + p.at("/actor/login").asString()
                            + " " + p.at("/target/status").asInt()));
            return audited.size() >= 2;
        });
        assertThat(audited).contains("EXPORT trust-account.download resident 200", "APPROVAL trust.month.close operator-admin 200");
    }

    @Test
    void theOperatorSignsEachClosedMonthAndCommitteeMembersCountersignWithTheirOwnKeys() throws Exception {
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "parking_common", null, 700, OCTOBER)));
        awaitEntries(f, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get("/api/trust/communities/" + f.community + "/committee").json().size() == 2);
        String path = "/api/trust/communities/" + f.community;
        f.as(f.operatorAdmin).post(path + "/months/2026-10/close", java.util.Map.of());

        JsonNode head = f.as(f.resident).get(path + "/months").json().get(0);
        JsonNode operator = head.get("signatures").get(0);
        assertThat(operator.get("signer").asString()).isEqualTo("operator");
        String published = f.as(f.resident).get("/api/trust/operator-key").json().get("publicKey").asString();
        assertThat(operator.get("publicKey").asString()).isEqualTo(published);
        assertThat(verify(published, head.get("signedBytes").asString(), operator.get("signature").asString())).isTrue();

        java.security.KeyPair chairKey = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String chairPublic = java.util.Base64.getEncoder().encodeToString(chairKey.getPublic().getEncoded());
        assertThat(f.as(f.resident).put(path + "/committee/keys/mine", java.util.Map.of("publicKey", chairPublic)).status()).isEqualTo(403);
        assertThat(f.as(f.chair).put(path + "/committee/keys/mine", java.util.Map.of("publicKey", "bm90IGEga2V5")).status()).isEqualTo(400);
        assertThat(f.as(f.chair).put(path + "/committee/keys/mine", java.util.Map.of("publicKey", chairPublic)).status()).isEqualTo(204);

        java.security.Signature ed = java.security.Signature.getInstance("Ed25519");
        ed.initSign(chairKey.getPrivate());
        ed.update(head.get("signedBytes").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String signature = java.util.Base64.getEncoder().encodeToString(ed.sign());
        ApiResponse forged = f.as(f.chair).post(path + "/months/2026-10/countersignatures", java.util.Map.of("signature", operator.get("signature").asString()));
        assertThat(forged.status()).as("the operator's signature is not the chair's").isEqualTo(400);
        assertThat(f.as(f.member).post(path + "/months/2026-10/countersignatures", java.util.Map.of("signature", signature)).status())
                .as("a member without a registered key").isEqualTo(400);
        JsonNode countersigned = f.as(f.chair).post(path + "/months/2026-10/countersignatures", java.util.Map.of("signature", signature)).json();
        assertThat(countersigned.get("signatures")).hasSize(2);
        assertThat(countersigned.get("signatures").get(1).get("signerName").asString()).isEqualTo("委员0");
    }

    private static boolean verify(String publicKey, String bytes, String signature) throws Exception {
        java.security.Signature ed = java.security.Signature.getInstance("Ed25519");
        ed.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey))));
        ed.update(bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ed.verify(java.util.Base64.getDecoder().decode(signature));
    }

    private JsonNode awaitEntries(TrustFixture f, long entries) {
        Api resident = f.as(f.resident);
        String path = "/api/trust/communities/" + f.community + "/accounts";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiResponse r = resident.get(path);
            return r.status() == 200 && r.json().get("entries").asLong() >= entries;
        });
        JsonNode balances = resident.get(path).json();
        assertThat(balances.get("entries").asLong()).isEqualTo(entries);
        return balances;
    }

    private static long balance(JsonNode balances, String code) {
        for (JsonNode a : balances.get("accounts")) {
            if (a.get("code").asString().equals(code)) {
                return a.get("balanceFen").asLong();
            }
        }
        throw new AssertionError("no account " + code);
    }

    /** An export line back into an entry, as a verifier in any language would read it. */
    static JournalEntry entryOf(String line) {
        JsonNode j = dev.commonhold.platform.messaging.EventJson.readTree(line);
        JsonNode e = j.get("entry");
        List<Posting> postings = new ArrayList<>();
        e.get("postings").forEach(p -> postings.add(new Posting(p.get("account").asString(), p.get("amountFen").asLong())));
        return JournalEntry.seal(UUID.fromString(e.get("id").asString()), UUID.fromString(e.get("ledger").asString()), e.get("sequence").asLong(),
                e.get("postedAtMicros").asLong(), new NewEntry(YearMonth.parse(e.get("period").asString()),
                        e.get("belongsTo").isNull() ? null : YearMonth.parse(e.get("belongsTo").asString()), e.get("description").asString(),
                        e.get("source").isNull() ? null : e.get("source").asString(),
                        e.get("reverses").isNull() ? null : UUID.fromString(e.get("reverses").asString()), postings),
                hex(e.get("prevHash").asString())).withLeafHash(hex(j.get("leafHash").asString()));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(n -> out.add(hex(n.asString())));
        return out;
    }
}
