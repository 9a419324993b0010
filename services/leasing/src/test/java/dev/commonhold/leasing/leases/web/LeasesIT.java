package dev.commonhold.leasing.leases.web;

import dev.commonhold.leasing.support.LeasingFixture;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.commonhold.leasing.support.LeasingFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** Leases through the service's API on real PostgreSQL and Kafka: the rules at their boundaries, the vote gate, the money, who sees what. */
@IntegrationTest
// The test runs the rent round itself: the scheduled one must not end a lease between two of its steps.
@org.springframework.test.context.TestPropertySource(properties = "leasing.rounds.first=PT1H")
class LeasesIT {

    @LocalServerPort
    int port;

    LeasingFixture f;

    @org.springframework.beans.factory.annotation.Autowired
    dev.commonhold.leasing.leases.app.ChargeRounds rounds;
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void community() {
        f = new LeasingFixture(port).registered();
    }

    /** FR2: every month's rent, escalations included, within the franchise's per-m² cap: exactly at it passes, one fen over is refused. */
    @Test
    void aRentAboveTheFranchisesPublishedCapIsRefusedNamingTheApproval() {
        UUID agreement = UUID.randomUUID();
        Map<String, Object> cap = new HashMap<>(Map.of("revenueClass", "lease_operator_space", "unit", "M2_MONTH", "capFen", 10_000,
                "validFrom", "2025-01-01", "reference", "深发改价〔2025〕3号"));
        cap.put("validTo", null);
        LeasingFixture.send(List.of(LeasingFixture.envelope("franchise.tariff-caps-set.v1", f.community, agreement, Map.of("agreementId",
                agreement.toString(), "version", 1, "communityId", f.community.toString(), "effectiveFrom", "2025-01-01", "caps", List.of(cap),
                "setAt", Instant.now().toString()))));
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        String room = f.space("R-FR2", "IDLE_ROOM", "OPERATOR_FRANCHISE", null); // 42.50 m²: at most 4,250.00 yuan a month
        Map<String, Object> escalating = rent(f.lease(room, start, start.plusYears(3).minusDays(1)), 425_000, 300);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.staff).post(f.path() + "/leases", escalating).status() == 422);

        JsonNode refused = expect(f.as(f.staff).post(f.path() + "/leases", escalating), 422);
        assertThat(refused.get("rule").asString()).as("the second year's 3% step is over the cap").isEqualTo("FR2");
        assertThat(refused.toString()).contains("rent.monthlyRentFen").contains("深发改价〔2025〕3号");
        JsonNode oneFenOver = expect(f.as(f.staff).post(f.path() + "/leases", rent(f.lease(room, start, start.plusYears(3).minusDays(1)), 425_001, 0)), 422);
        assertThat(oneFenOver.get("rule").asString()).isEqualTo("FR2");
        expect(f.as(f.staff).post(f.path() + "/leases", rent(f.lease(room, start, start.plusYears(3).minusDays(1)), 425_000, 0)), 201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rent(Map<String, Object> lease, long monthlyFen, int escalationBp) {
        Map<String, Object> rent = new HashMap<>((Map<String, Object>) lease.get("rent"));
        rent.put("monthlyRentFen", monthlyFen);
        rent.put("escalationBasisPoints", escalationBp);
        rent.put("depositFen", 0);
        lease.put("rent", rent);
        return lease;
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        String room = f.space("R-1", "IDLE_ROOM", "OPERATOR_FRANCHISE", null);
        JsonNode backwards = expect(f.as(f.staff).post(f.path() + "/leases", f.lease(room, today, today.minusDays(1))), 400);
        assertThat(backwards.get("errors").get(0).get("field").asString()).isEqualTo("endOn");
        Map<String, Object> negative = f.lease(room, today, today.plusYears(1));
        negative.put("rent", Map.of("monthlyRentFen", -1, "billingCycleMonths", 1, "depositFen", 0));
        JsonNode neg = expect(f.as(f.staff).post(f.path() + "/leases", negative), 400);
        assertThat(neg.toString()).contains("monthlyRentFen");
        JsonNode unknown = expect(f.as(f.staff).post(f.path() + "/leases", f.lease(UUID.randomUUID().toString(), today, today.plusYears(1))), 400);
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("spaceIds");
        Map<String, Object> farFuture = f.lease(room, java.time.LocalDate.of(9999, 1, 1), java.time.LocalDate.of(9999, 12, 31));
        assertThat(expect(f.as(f.staff).post(f.path() + "/leases", farFuture), 400).get("errors").get(0).get("field").asString()).isEqualTo("startOn");
        assertThat(expect(f.as(f.staff).get(f.path() + "/leases"), 200).get("items")).as("nothing stored").isEmpty();
        assertThat(expect(f.as(f.staff).post(f.path() + "/spaces", Map.of("code", "C-1", "name", "人防", "kind", "CIVIL_DEFENCE",
                "ownership", "GOVERNMENT", "areaCentiM2", 100)), 422).get("rule").asString()).as("L4: no approval, no space").isEqualTo("L4");
    }

    @Test
    void termDepositCivilDefenceAndOverlapRulesHoldAtTheirBoundaries() {
        String shop = f.space("S-1", "SHOP", "OPERATOR_FRANCHISE", null);
        LocalDate start = today.plusDays(30);
        JsonNode l1 = expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shop, start, start.plusYears(20))), 422);
        assertThat(l1.get("rule").asString()).isEqualTo("L1");
        Map<String, Object> overCap = f.lease(shop, start, start.plusYears(20).minusDays(1));
        ((Map<String, Object>) overCap.get("rent")).put("depositFen", 1_500_001);
        assertThat(expect(f.as(f.staff).post(f.path() + "/leases", overCap), 422).get("rule").asString()).isEqualTo("L3");

        JsonNode twenty = expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shop, start, start.plusYears(20).minusDays(1))), 201);
        assertThat(twenty.get("lease").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(twenty.get("lease").get("schedule")).hasSize(80);

        assertThat(f.as(f.staff).post(f.path() + "/spaces", Map.of("code", " s-1 ", "name", "同一编号", "kind", "SHOP", "ownership", "GOVERNMENT",
                "areaCentiM2", 100)).status()).as("a space code is one code whatever its case").isEqualTo(409);
        JsonNode clash = expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shop, start.minusYears(1), start)), 409);
        assertThat(clash.get("detail").asString()).contains(twenty.get("lease").get("number").asString());
        expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shop, start.minusYears(1), start.minusDays(1))), 201);

        LocalDate approvalEnds = today.plusYears(2);
        String shelter = f.space("C-2", "CIVIL_DEFENCE", "GOVERNMENT", approvalEnds);
        assertThat(expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shelter, today, approvalEnds.plusDays(1))), 422).get("rule").asString())
                .isEqualTo("L4");
        JsonNode within = expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shelter, today, approvalEnds)), 201);
        assertThat(within.get("lease").get("revenueClass").asString()).as("government-owned: a pass-through").isEqualTo("lease_public_space");
    }

    @Test
    void sixMonthsWithoutAWrittenContractIsOfIndefiniteTermAndTheContractFiledMustBeTheHashedOne() {
        String room = f.space("R-2", "IDLE_ROOM", "OPERATOR_FRANCHISE", null);
        Map<String, Object> oral = f.lease(room, today, today.plusMonths(6).minusDays(1));
        oral.put("writtenContract", false);
        oral.remove("contractSha256");
        JsonNode recorded = expect(f.as(f.staff).post(f.path() + "/leases", oral), 201);
        assertThat(recorded.get("lease").get("indefiniteTerm").asBoolean()).isTrue();
        assertThat(recorded.get("notes").get(0).asString()).startsWith("L2");

        String room2 = f.space("R-3", "IDLE_ROOM", "OPERATOR_FRANCHISE", null);
        byte[] contract = "%PDF-1.7 租赁合同 signed".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> written = f.lease(room2, today, today.plusYears(3).minusDays(1));
        written.put("contractSha256", sha256(contract));
        String lease = expect(f.as(f.staff).post(f.path() + "/leases", written), 201).get("lease").get("id").asString();
        String documents = f.path() + "/leases/" + lease + "/documents?kind=CONTRACT&fileName=contract.pdf";
        assertThat(expect(f.as(f.staff).post(documents, "%PDF-1.7 another".getBytes(StandardCharsets.UTF_8), "application/pdf"), 422)
                .get("rule").asString()).isEqualTo("L2");
        assertThat(expect(f.as(f.staff).post(documents, contract, "application/pdf"), 201).get("sha256").asString()).isEqualTo(sha256(contract));
        assertThat(expect(f.as(f.tenant).get("/api/leasing/tenancies"), 200).valueStream().map(l -> l.get("id").asString()))
                .as("the tenant sees their leases by login").contains(lease);
        assertThat(f.as(f.tenant).get("/api/leasing/tenancies/" + lease + "/summary").body()).startsWith("%PDF-");
    }

    @Test
    void aCommonPartWaitsForTheOwnersVoteThenStartsIsChargedAndPaidAndEndsWithItsDepositStatement() {
        String shop = f.space("S-9", "SHOP", "COMMON_PART", null);
        assertThat(expect(f.as(f.staff).post(f.path() + "/leases", f.lease(shop, today, today.plusYears(3).minusDays(1))), 422)
                .get("rule").asString()).as("no resolution named").isEqualTo("L5");
        UUID vote = UUID.randomUUID();
        Map<String, Object> body = f.lease(shop, today, today.plusYears(3).minusDays(1));
        body.put("resolutionId", vote.toString());
        JsonNode waiting = expect(f.as(f.staff).post(f.path() + "/leases", body), 201).get("lease");
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_VOTE");
        assertThat(waiting.get("charges")).as("nothing charged before the vote").isEmpty();
        String lease = f.path() + "/leases/" + waiting.get("id").asString();

        f.decided(vote, "APPROVED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> expect(f.as(f.staff).get(lease), 200).get("status").asString().equals("ACTIVE"));
        JsonNode started = f.published("leasing.lease-started.v1", 1).getFirst();
        assertThat(started.get("revenueClass").asString()).as("a common part's rent is the owners' (T1)").isEqualTo("lease_common_part");
        List<JsonNode> charges = f.published("leasing.charge-raised.v1", 2);
        JsonNode deposit = charges.stream().filter(c -> c.get("revenueClass").asString().equals("deposit")).findFirst().orElseThrow();
        JsonNode rent = charges.stream().filter(c -> c.get("revenueClass").asString().equals("lease_common_part")).findFirst().orElseThrow();
        assertThat(deposit.get("amountFen").asLong()).isEqualTo(1_500_000);
        assertThat(rent.get("amountFen").asLong()).as("the first quarter, paid in advance").isEqualTo(1_500_000);
        assertThat(rent.get("payer").get("kind").asString()).isEqualTo("tenant");

        f.settled(deposit.get("chargeId").asString(), "deposit", 1_500_000, Instant.now());
        assertThat(f.published("leasing.deposit-received.v1", 1).getFirst().get("heldFen").asLong()).isEqualTo(1_500_000);
        Instant tenDaysLate = today.plusDays(10).atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(12).toInstant();
        f.settled(rent.get("chargeId").asString(), "lease_common_part", 1_500_000, tenDaysLate);
        JsonNode lateFee = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.published("leasing.charge-raised.v1", 3).stream()
                .filter(c -> c.get("revenueClass").asString().equals("late_fee")).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(lateFee.get("amountFen").asLong()).as("10 days × 0.05% × 15,000 yuan").isEqualTo(7_500);
        assertThat(lateFee.get("baseRevenueClass").asString()).isEqualTo("lease_common_part");

        JsonNode mine = expect(f.as(f.owner).get(f.path() + "/leases"), 200);
        assertThat(mine.get("items")).hasSize(1);
        assertThat(mine.get("settledFen").asLong()).as("owners see what their common part earned").isEqualTo(1_500_000);
        assertThat(mine.get("items").get(0).get("tenant").get("login").isNull()).isTrue();

        Map<String, Object> end = Map.of("ending", "EARLY_BY_TENANT", "lastDay", today.plusMonths(2).toString(), "reason", "承租人搬离");
        JsonNode ended = expect(f.as(f.staff).post(lease + "/termination", end), 200);
        assertThat(ended.get("status").asString()).isEqualTo("ENDED");
        JsonNode statement = ended.get("end");
        assertThat(statement.get("penaltyFen").asLong()).as("two months of the rent in force").isEqualTo(1_000_000);
        assertThat(statement.get("depositAppliedFen").asLong()).as("the penalty and the late fee").isEqualTo(1_007_500);
        assertThat(statement.get("depositRefundDueFen").asLong()).isEqualTo(492_500);
        JsonNode endedEvent = f.published("leasing.lease-ended.v1", 1).getFirst();
        assertThat(endedEvent.get("deposit").get("applied")).hasSize(2);
        assertThat(f.published("leasing.charge-cancelled.v1", 2)).as("what the deposit paid is cancelled in billing").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aRejectedVoteVoidsTheLeaseAndAnotherCommunitysStaffFindNothing() {
        String wall = f.space("W-1", "ROOF_WALL", "COMMON_PART", null);
        UUID vote = UUID.randomUUID();
        Map<String, Object> body = f.lease(wall, today, today.plusYears(1));
        body.put("resolutionId", vote.toString());
        String lease = f.path() + "/leases/" + expect(f.as(f.staff).post(f.path() + "/leases", body), 201).get("lease").get("id").asString();
        f.decided(vote, "REJECTED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> expect(f.as(f.staff).get(lease), 200).get("status").asString().equals("VOID"));
        assertThat(f.as(f.otherStaff).get(lease).status()).isEqualTo(404);
        assertThat(f.as(f.otherStaff).post(f.path() + "/spaces", Map.of("code", "X", "name", "x", "kind", "SHOP", "ownership", "COMMON_PART",
                "areaCentiM2", 1)).status()).isEqualTo(404);
        JsonNode refused = expect(f.as(f.staff).post(f.path() + "/leases", body), 422);
        assertThat(refused.get("rule").asString()).as("a decided, rejected vote lets nothing").isEqualTo("L5");
        JsonNode vacancy = expect(f.as(f.owner).get(f.path() + "/vacancy"), 200);
        assertThat(vacancy.get("total").get("spaces").asInt()).isEqualTo(1);
        assertThat(vacancy.get("total").get("leased").asInt()).isZero();
        assertThat(f.as(f.owner).get(f.path() + "/rent-roll").status()).as("the rent roll is the operator's and the regulator's").isEqualTo(403);
    }

    @Test
    void aRenewalTakesOverTheDepositAndTheOldLeaseEndsIntoItWhenItsTermRunsOut() {
        String room = f.space("G-1", "ANCILLARY_ROOM", "GOVERNMENT", null);
        Map<String, Object> old = f.lease(room, today.minusYears(2), today.minusDays(1));
        JsonNode first = expect(f.as(f.staff).post(f.path() + "/leases", old), 201).get("lease");
        String lease = f.path() + "/leases/" + first.get("id").asString();
        String deposit = first.get("charges").valueStream().filter(c -> c.get("kind").asString().equals("DEPOSIT")).findFirst().orElseThrow()
                .get("chargeId").asString();
        assertThat(first.get("charges").valueStream().filter(c -> c.get("kind").asString().equals("RENT")).count()).as("eight quarters already due")
                .isEqualTo(8);
        f.settled(deposit, "deposit", 1_500_000, Instant.now());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> expect(f.as(f.staff).get(lease), 200).get("depositHeldFen").asLong() == 1_500_000);

        Map<String, Object> terms = new HashMap<>(Map.of("endOn", today.plusYears(1).minusDays(1).toString(), "writtenContract", true,
                "contractSha256", "cd".repeat(32), "rent", Map.of("monthlyRentFen", 550_000, "billingCycleMonths", 3, "depositFen", 1_600_000)));
        JsonNode renewal = expect(f.as(f.staff).post(lease + "/renewal", terms), 201).get("lease");
        assertThat(renewal.get("startOn").asString()).isEqualTo(today.toString());
        assertThat(renewal.get("renewsLeaseId").asString()).isEqualTo(first.get("id").asString());
        assertThat(renewal.get("charges").valueStream().filter(c -> c.get("kind").asString().equals("DEPOSIT")).findFirst().orElseThrow()
                .get("amountFen").asLong()).as("only the increase is charged").isEqualTo(100_000);
        assertThat(f.as(f.staff).post(lease + "/renewal", terms).status()).as("renewed once").isEqualTo(409);

        rounds.run();
        JsonNode ended = expect(f.as(f.staff).get(lease), 200);
        assertThat(ended.get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("end").get("ending").asString()).isEqualTo("RENEWED");
        assertThat(ended.get("end").get("depositCarriedFen").asLong()).isEqualTo(1_500_000);
        assertThat(ended.get("end").get("depositRefundDueFen").asLong()).isZero();
        assertThat(expect(f.as(f.staff).get(f.path() + "/leases/" + renewal.get("id").asString()), 200).get("status").asString()).isEqualTo("ACTIVE");
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
