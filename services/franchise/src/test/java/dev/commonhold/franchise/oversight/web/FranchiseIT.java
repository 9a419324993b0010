package dev.commonhold.franchise.oversight.web;

import dev.commonhold.franchise.oversight.export.OcdsSchemas;
import dev.commonhold.franchise.support.FranchiseFixture;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.commonhold.franchise.support.FranchiseFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Franchise oversight against real PostgreSQL and Kafka: agreements recorded as data with their caps published,
 * revenue rebuilt from billing's settlements (once each), a charge above the cap found with its evidence, the
 * share raised through billing once and seen paid, each reader seeing what is theirs, and the OCDS export valid.
 */
@IntegrationTest
class FranchiseIT {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OcdsSchemas schemas;

    private String review(String agreement) {
        return "/api/franchise/agreements/" + agreement + "/years/" + YEAR;
    }

    @Test
    void theOperatorsAdminRecordsTheTermsAndTheirCapsArePublishedToTheCoveredCommunity() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        String agreement = f.agreement();

        JsonNode read = expect(f.as(f.staff).get("/api/franchise/agreements/" + agreement), 200);
        assertThat(read.get("version").asInt()).isEqualTo(1);
        assertThat(read.at("/terms/revenueShare/rateBasisPoints").asInt()).isEqualTo(2_000);
        assertThat(read.at("/terms/term/endsOn").asString()).isEqualTo("2044-12-31");
        JsonNode caps = f.published("franchise.tariff-caps-set.v1", 1).getFirst();
        assertThat(caps.get("agreementId").asString()).isEqualTo(agreement);
        assertThat(caps.get("caps").findValuesAsString("reference")).contains(FranchiseFixture.PARKING_CAP_REFERENCE);
        assertThat(caps.get("caps").get(0).get("capFen").asLong()).isEqualTo(2_000);

        JsonNode amended = expect(f.as(f.admin).post("/api/franchise/agreements/" + agreement + "/amendments", Map.of("effectiveFrom", TODAY.toString(),
                "reason", "补充协议（一）：日封顶价调整", "terms", withDayCap(f.terms(), 1_800))), 201);
        assertThat(amended.get("version").asInt()).isEqualTo(2);
        JsonNode versions = expect(f.as(f.regulator).get("/api/franchise/agreements/" + agreement + "/versions"), 200);
        assertThat(versions.findValuesAsString("version")).containsExactly("1", "2");
        assertThat(versions.get(0).at("/terms/tariffCaps/0/capFen").asLong()).as("version 1 is never edited").isEqualTo(2_000);
        assertThat(f.published("franchise.tariff-caps-set.v1", 2).get(1).at("/caps/0/capFen").asLong()).isEqualTo(1_800);
    }

    @Test
    void termsThatBreakARuleAreRefusedNamingTheFieldAndNothingIsStored() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        f.agreement(); // waits until the community is known
        Integer before = jdbc.queryForObject("SELECT count(*) FROM agreement_version", Integer.class);

        Map<String, Object> fortyYearsAndADay = f.terms();
        fortyYearsAndADay.put("term", Map.of("startsOn", "2025-01-01", "endsOn", "2065-01-01"));
        JsonNode tooLong = expect(f.as(f.admin).post("/api/franchise/agreements", fortyYearsAndADay), 400);
        assertThat(tooLong.at("/errors/0/field").asString()).isEqualTo("term.endsOn");
        assertThat(tooLong.get("rule").asString()).isEqualTo("FR1");

        Map<String, Object> badCode = f.terms();
        badCode.put("operatorCreditCode", f.creditCode.substring(0, 17) + (f.creditCode.charAt(17) == '0' ? '1' : '0'));
        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", badCode), 400).at("/errors/0/field").asString()).isEqualTo("operatorCreditCode");

        Map<String, Object> depositCounted = f.terms();
        depositCounted.put("coveredClasses", List.of("parking_operator", "lease_operator_space", "fund_deposit"));
        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", depositCounted), 400).at("/errors/0/field").asString()).isEqualTo("coveredClasses");

        Map<String, Object> uncapped = f.terms();
        uncapped.put("coveredClasses", List.of("parking_operator"));
        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", uncapped), 400).at("/errors/0/field").asString()).isEqualTo("tariffCaps[2].revenueClass");

        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", f.terms()), 409).get("detail").asString()).contains("another agreement already covers");
        Map<String, Object> elsewhere = f.terms();
        elsewhere.put("jurisdiction", "110101"); // Dongcheng: the community is in Chaoyang, out of that regulator's sight
        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", elsewhere), 400).at("/errors/0/field").asString()).isEqualTo("jurisdiction");
        Map<String, Object> hole = f.terms();
        hole.put("communities", java.util.Arrays.asList((Object) null));
        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", hole), 400).at("/errors/0/field").asString()).isEqualTo("communities[0]");
        Map<String, Object> endless = f.terms();
        endless.put("revenueShare", Map.of("fixedFenPerYear", 0, "rateBasisPoints", 2_000, "bands", List.of(), "minimumFenPerYear", Long.MAX_VALUE,
                "payee", "OWNERS"));
        assertThat(expect(f.as(f.admin).post("/api/franchise/agreements", endless), 400).at("/errors/0/field").asString())
                .isEqualTo("revenueShare.minimumFenPerYear");
        assertThat(f.as(f.staff).post("/api/franchise/agreements", f.terms()).status()).isEqualTo(403);
        assertThat(f.as(f.otherAdmin).post("/api/franchise/agreements", f.terms()).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_version", Integer.class)).isEqualTo(before);
    }

    /** FR2: exactly at the cap is allowed, one fen over is a finding; a cancelled charge was never taken. */
    @Test
    void aChargeAboveTheApprovedCapIsACriticalFindingCitingTheClauseWithItsEvidence() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        String agreement = f.agreement();

        f.parkingCharge(4_000, TODAY.minusDays(1), TODAY); // two days at 20.00: exactly the cap
        UUID over = f.parkingCharge(4_001, TODAY.minusDays(1), TODAY);
        UUID cancelled = f.parkingCharge(9_000, TODAY, TODAY);
        f.parkingChargeCancelled(cancelled);

        JsonNode review = f.reviewWhen(agreement, YEAR, r -> r.get("findings").findValuesAsString("code").contains("overcharge")
                && jdbc.queryForObject("SELECT count(*) FROM observed_charge WHERE charge_id = ? AND cancelled", Integer.class, cancelled) == 1);
        List<JsonNode> overcharges = review.get("findings").valueStream().filter(n -> n.get("code").asString().equals("overcharge")).toList();
        assertThat(overcharges).hasSize(1);
        JsonNode finding = overcharges.getFirst();
        assertThat(finding.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(finding.get("clause").asString()).contains("tariffCaps[0]").contains(FranchiseFixture.PARKING_CAP_REFERENCE).contains("FR2");
        assertThat(finding.at("/evidence/chargeId").asString()).isEqualTo(over.toString());
        assertThat(finding.at("/evidence/mostFen").asLong()).isEqualTo(4_000);
        assertThat(finding.at("/evidence/overFen").asLong()).isEqualTo(1);
    }

    @Test
    void revenueIsRebuiltFromSettlementsOnceEachAndTheShareIsRaisedThroughBillingOnceAndSeenPaid() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        String agreement = f.agreement();
        var first = f.settlement(UUID.randomUUID(), UUID.randomUUID(), "parking_operator", 10_000);
        FranchiseFixture.send(List.of(first, first)); // redelivered
        f.settled(UUID.randomUUID(), "lease_operator_space", 25_000);
        UUID refunded = f.settled(UUID.randomUUID(), "parking_operator", 5_000);
        f.settled(UUID.randomUUID(), "property_fee", 99_999); // not covered
        f.reversed(refunded, 5_000);

        JsonNode review = f.reviewWhen(agreement, YEAR, r -> r.get("grossFen").asLong() == 35_000
                && jdbc.queryForObject("SELECT count(*) FROM revenue_line WHERE settlement_id = ? AND reversed_at IS NOT NULL", Integer.class, refunded) == 1);
        assertThat(review.at("/ledgerRevenueFen/parking_operator").asLong()).isEqualTo(10_000);
        assertThat(review.at("/ledgerRevenueFen/lease_operator_space").asLong()).isEqualTo(25_000);
        assertThat(review.at("/shareOwed/rateFen").asLong()).as("20% of 350.00 yuan").isEqualTo(7_000);
        assertThat(expect(f.as(f.admin).get(review(agreement) + "/review"), 200).get("settledPayments").asLong()).as("two payments stand").isEqualTo(2);
        assertThat(review.get("obligationFen").asLong()).as("the year is open: no minimum top-up yet").isEqualTo(7_000);

        ApiResponse raised = f.as(f.admin).post(review(agreement) + "/share-charges", Map.of());
        JsonNode charges = expect(raised, 201);
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).get("amountFen").asLong()).isEqualTo(7_000);
        JsonNode charge = f.published("franchise.charge-raised.v1", 1).getFirst();
        assertThat(charge.get("revenueClass").asString()).isEqualTo("franchise_revenue_share");
        assertThat(charge.get("amountFen").asLong()).isEqualTo(7_000);
        assertThat(charge.at("/payer/reference").asString()).isEqualTo(f.creditCode);
        assertThat(expect(f.as(f.admin).post(review(agreement) + "/share-charges", Map.of()), 200)).as("nothing more is due").isEmpty();
        assertThat(f.as(f.regulator).post(review(agreement) + "/share-charges", Map.of()).status()).as("the debtor raises what it owes").isEqualTo(403);

        f.settled(UUID.fromString(charge.get("chargeId").asString()), "franchise_revenue_share", 7_000);
        JsonNode paid = f.reviewWhen(agreement, YEAR, r -> r.get("paidFen").asLong() == 7_000);
        assertThat(paid.get("outstandingFen").asLong()).isZero();
        assertThat(paid.get("grossFen").asLong()).as("the share paid is not the franchise's revenue").isEqualTo(35_000);
        JsonNode owners = expect(f.as(f.resident).get(review(agreement) + "/communities/" + f.community + "/share"), 200);
        assertThat(owners.get("owedFen").asLong()).isEqualTo(7_000);
        assertThat(owners.get("paidFen").asLong()).isEqualTo(7_000);
    }

    /**
     * A backlog reaches franchise a poll at a time (one lookup, one insert): a settlement billing published twice under two event
     * ids is kept once, one settled in the first minutes of 1 January Beijing time counts in that year, and a class no franchise
     * earns is not kept.
     */
    @Test
    void aBacklogTakenInOnePollKeepsEachSettlementOnceInItsCommunitysYear() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        UUID once = UUID.randomUUID();
        UUID newYear = UUID.randomUUID();
        UUID notEarned = UUID.randomUUID();
        var newYearsEve = f.settlement(newYear, UUID.randomUUID(), "parking_common", 3_000);
        ((tools.jackson.databind.node.ObjectNode) newYearsEve.payload()).put("settledAt", "2026-12-31T16:30:00Z"); // 00:30 on 1 January in Beijing
        FranchiseFixture.send(List.of(f.settlement(once, UUID.randomUUID(), "parking_operator", 1_000), newYearsEve,
                f.settlement(once, UUID.randomUUID(), "parking_operator", 1_000), f.settlement(notEarned, UUID.randomUUID(), "deposit", 500),
                f.settlement(UUID.randomUUID(), UUID.randomUUID(), "lease_operator_space", 2_000)));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM revenue_line WHERE community_id = ?", Integer.class, f.community) == 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revenue_line WHERE settlement_id = ?", Integer.class, once)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT year FROM revenue_line WHERE settlement_id = ?", Integer.class, newYear)).isEqualTo(2027);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revenue_line WHERE settlement_id = ?", Integer.class, notEarned)).isZero();
        assertThat(jdbc.queryForObject("SELECT sum(amount_fen) FROM revenue_line WHERE community_id = ?", Long.class, f.community)).isEqualTo(6_000);
    }

    /** Agreements are often recorded after their term began: what was settled and charged since its first day counts. */
    @Test
    void revenueAndChargesFromBeforeTheAgreementWasRecordedCountFromItsTermsStart() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        UUID early = f.settled(UUID.randomUUID(), "parking_operator", 8_000);
        UUID over = f.parkingCharge(9_999, TODAY, TODAY);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM revenue_line WHERE settlement_id = ?", Integer.class, early) == 1
                        && jdbc.queryForObject("SELECT count(*) FROM observed_charge WHERE charge_id = ?", Integer.class, over) == 1);

        String agreement = f.agreement();

        JsonNode review = f.reviewWhen(agreement, YEAR, r -> true);
        assertThat(review.get("grossFen").asLong()).isEqualTo(8_000);
        assertThat(review.get("findings").valueStream().filter(n -> n.get("code").asString().equals("overcharge")).findFirst().orElseThrow()
                .at("/evidence/chargeId").asString()).as("checked when the agreement was recorded").isEqualTo(over.toString());
    }

    @Test
    void eachReaderSeesWhatIsTheirsAndNoMore() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        String agreement = f.agreement();
        String path = "/api/franchise/agreements/" + agreement;

        assertThat(f.as(f.resident).get(path).status()).as("owners read the terms").isEqualTo(200);
        assertThat(f.as(f.resident).get(review(agreement) + "/review").status()).isEqualTo(403);
        assertThat(f.as(f.otherResident).get(path).status()).isEqualTo(404);
        assertThat(f.as(f.otherAdmin).get(path).status()).isEqualTo(404);
        assertThat(f.as(f.otherRegulator).get(review(agreement) + "/review").status()).isEqualTo(404);
        assertThat(f.as(f.cityRegulator).get(review(agreement) + "/review").status()).as("the city oversees its districts").isEqualTo(200);
        assertThat(f.as(f.otherResident).get(review(agreement) + "/communities/" + f.community + "/share").status()).isEqualTo(404);

        assertThat(f.as(f.admin).post(path + "/evaluations", Map.of("year", YEAR, "verdict", "SATISFACTORY", "notes", "自评")).status())
                .as("the operator does not evaluate itself").isEqualTo(403);
        JsonNode evaluation = expect(f.as(f.regulator).post(path + "/evaluations", Map.of("year", YEAR, "verdict", "NEEDS_IMPROVEMENT",
                "notes", "停车收费公示不全")), 201);
        assertThat(evaluation.get("evaluatedBy").asString()).isEqualTo("chaoyang-housing");
        assertThat(expect(f.as(f.regulator).post(path + "/evaluations", Map.of("year", YEAR, "verdict", "FINE", "notes", "x")), 400)
                .at("/errors/0/field").asString()).isEqualTo("verdict");
        assertThat(expect(f.as(f.regulator).post(path + "/evaluations", Map.of("year", 2024, "verdict", "SATISFACTORY", "notes", "x")), 400)
                .at("/errors/0/field").asString()).as("before the term").isEqualTo("year");
        assertThat(expect(f.as(f.admin).post(path + "/reports", Map.of("year", YEAR, "revenueFen", -1, "costsFen", 0, "investedFen", 0)), 400)
                .at("/errors/0/field").asString()).isEqualTo("revenueFen");
        assertThat(expect(f.as(f.admin).post(path + "/reports", Map.of("year", YEAR, "revenueFen", 0, "costsFen", 0, "investedFen", 0,
                "kpiActuals", Map.of("made_up", 1))), 400).at("/errors/0/field").asString()).isEqualTo("kpiActuals.made_up");

        ApiResponse district = f.as(f.regulator).get("/api/franchise/districts/110105/years/" + YEAR);
        assertThat(expect(district, 200).findValuesAsString("agreementId")).contains(agreement);
        assertThat(expect(f.as(f.otherRegulator).get("/api/franchise/districts/110105/years/" + YEAR), 200).findValuesAsString("agreementId"))
                .doesNotContain(agreement);
    }

    @Test
    void aYearWithoutRevenueStillExportsAValidRelease() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        String agreement = f.agreement();

        JsonNode release = expect(f.as(f.regulator).get("/api/franchise/agreements/" + agreement + "/years/2025/ocds"), 200);
        assertThat(schemas.problems(release)).isEmpty();
        assertThat(release.at("/contracts/0/implementation/metrics").findValuesAsString("id")).contains("revenue");
        assertThat(release.at("/contracts/0/implementation").has("charges")).as("no revenue: no charges key, never an empty list").isFalse();
    }

    @Test
    void theYearIsExportedAsAnOcdsPppReleaseThatValidatesAndAsCsvForSpreadsheets() {
        FranchiseFixture f = new FranchiseFixture(port).registered();
        String agreement = f.agreement();
        f.settled(UUID.randomUUID(), "parking_operator", 12_345);
        f.parkingCharge(5_000, TODAY, TODAY);
        expect(f.as(f.admin).post("/api/franchise/agreements/" + agreement + "/reports", Map.of("year", YEAR, "revenueFen", 10_000, "costsFen", 3_000,
                "investedFen", 3_000_000_000L, "kpiActuals", Map.of("complaint_response_hours", 30))), 201);
        f.reviewWhen(agreement, YEAR, r -> r.get("grossFen").asLong() == 12_345 && r.get("findings").findValuesAsString("code").contains("overcharge"));

        JsonNode release = expect(f.as(f.regulator).get(review(agreement) + "/ocds"), 200);
        assertThat(schemas.problems(release)).isEmpty();
        assertThat(release.at("/contracts/0/tariffs/0/paymentMethod")).isNotNull();
        assertThat(release.at("/contracts/0/implementation/metrics").findValuesAsString("id")).contains("revenue", "revenueShareOwed", "irr");
        assertThat(release.at("/contracts/0/implementation/performanceFailures").toString()).contains("overcharge").contains("kpi-miss")
                .contains("under-reported-revenue");

        ApiResponse csv = f.as(f.regulator).get("/api/franchise/districts/110105/years/" + YEAR + "/report.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String row = csv.body().lines().filter(l -> l.startsWith(agreement)).findFirst().orElseThrow();
        assertThat(row).contains("\"劲松北社区停车及闲置空间特许经营协议\"").contains(",123.45,100.00,");
        assertThat(row.split(",")).as("amounts are plain numbers: no thousands separator splits a cell").hasSize(19).contains("30000000.00");
        ApiResponse findings = f.as(f.admin).get(review(agreement) + "/findings.csv");
        assertThat(findings.body()).startsWith("\uFEFF协议").contains("overcharge").contains("kpi-miss");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDayCap(Map<String, Object> terms, long fen) {
        List<Map<String, Object>> caps = new java.util.ArrayList<>((List<Map<String, Object>>) terms.get("tariffCaps"));
        Map<String, Object> day = new java.util.HashMap<>(caps.getFirst());
        day.put("capFen", fen);
        caps.set(0, day);
        terms.put("tariffCaps", caps);
        return terms;
    }
}
