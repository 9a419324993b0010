package dev.commonhold.fund.projects.web;

import dev.commonhold.fund.support.FundFixture;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A use of the fund from proposal to the last payment (F4–F7, V3, V7), as the operator, the committee and the owners meet it. */
@IntegrationTest
class ProjectsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    FundFixture fund;
    UUID building1;

    /** Two buildings of four flats of 88.50 m²; building 1's sub-accounts hold 8,850 yuan each, but 1号楼-202 only 500. */
    @BeforeEach
    void twoBuildingsWithBalances() {
        fund = new FundFixture(port).registered(2, 2, 2, 8_850);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM sub_account WHERE community_id = ?",
                Long.class, fund.community) == 8);
        building1 = fund.units.getFirst().buildingId();
        String sheet = "楼栋,房号,余额\n1号楼,101,8850.00\n1号楼,102,8850.00\n1号楼,201,8850.00\n1号楼,202,500.00\n";
        assertThat(api(fund.operatorAdmin.token()).post(fund.path() + "/opening-balances?asOf=2026-06-30", sheet.getBytes(StandardCharsets.UTF_8),
                "text/csv").status()).isEqualTo(201);
    }

    @Test
    void aRoofVotedByItsBuildingIsApportionedByAreaAndPaidInTwoStagesFromTheSubAccountsF4F6V7() {
        JsonNode proposed = propose(Map.of("title", "1号楼屋面防水维修", "category", "roof", "estimateFen", 2_000_000,
                "contractor", "北京某某防水工程有限公司", "contractorAccount", "110060149018170012345", "buildingIds", List.of(building1.toString())));
        String project = fund.path() + "/projects/" + proposed.get("id").asString();
        JsonNode preview = api(fund.units.get(4).owner().token()).get(project).json();
        assertThat(preview.get("shares").findValuesAsString("unit")).as("shown to the community before the vote")
                .containsExactly("1号楼-101", "1号楼-102", "1号楼-201", "1号楼-202");
        assertThat(preview.get("shares").findValues("shareFen").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(2_000_000);
        assertThat(preview.get("shares").get(3).get("shortfallFen").asLong()).as("1号楼-202 holds 500 of its 5,000").isEqualTo(450_000);

        UUID resolution = UUID.randomUUID();
        assertThat(api(fund.committee.token()).post(project + "/vote", Map.of("resolutionId", resolution.toString())).status()).isEqualTo(200);
        FundFixture.send(List.of(fund.decided(resolution, "USE_MAINTENANCE_FUND", "BUILDINGS", List.of(building1), "APPROVED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> api(fund.committee.token()).get(project).json().get("status").asString().equals("APPROVED"));
        UUID shortfall = jdbc.queryForObject("SELECT id FROM fund_charge WHERE kind = 'SHORTFALL' AND unit_id = ?", UUID.class, unit(3));
        assertThat(jdbc.queryForObject("SELECT amount_fen FROM fund_charge WHERE id = ?", Long.class, shortfall)).isEqualTo(450_000);

        ApiResponse tooEarly = pay(project, Map.of("stage", "advance", "amountFen", 600_000, "bankReference", "ADV-1"));
        assertThat(tooEarly.status()).as("never overdrawn").isEqualTo(422);
        assertThat(tooEarly.json().get("detail").asString()).contains("1号楼-202 short 1,000.00");
        FundFixture.send(List.of(fund.settled(UUID.randomUUID(), shortfall, fund.units.get(3), 450_000, Instant.parse("2026-11-25T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(3) == 500_000);

        assertThat(pay(project, Map.of("stage", "advance", "amountFen", 600_000, "bankReference", "ADV-1")).status()).isEqualTo(201);
        JsonNode done = pay(project, Map.of("stage", "completion", "amountFen", 1_200_002, "finalCostFen", 1_800_002, "bankReference", "FIN-1")).json();

        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("shares").findValues("shareFen").stream().map(JsonNode::asLong).toList()).as("re-apportioned by the final cost")
                .containsExactly(450_001L, 450_001L, 450_000L, 450_000L);
        assertThat(done.get("shares").findValues("paidFen").stream().map(JsonNode::asLong).toList()).containsExactly(450_001L, 450_001L, 450_000L, 450_000L);
        assertThat(done.get("shares").findValues("differenceFen").stream().map(JsonNode::asLong).toList()).as("F6: the difference shown per flat")
                .containsExactly(-49_999L, -49_999L, -50_000L, -50_000L);
        JsonNode statement = api(fund.units.getFirst().owner().token()).get(fund.path() + "/units/" + unit(0) + "/statement").json();
        assertThat(statement.get("movements").findValues("amountFen").stream().map(JsonNode::asLong).toList())
                .containsExactly(885_000L, -150_000L, -300_001L);
        assertThat(statement.get("subAccount").get("balanceFen").asLong()).isEqualTo(434_999);
        assertThat(jdbc.queryForList("SELECT amount_fen FROM fund_charge WHERE unit_id = ? AND kind = 'TOP_UP'", Long.class, unit(3)))
                .as("1号楼-202 is left with 500 yuan, below 30% of 8,850: a top-up (F3)").containsExactly(835_000L);
        JsonNode otherBuilding = api(fund.units.get(4).owner().token()).get(fund.path() + "/units/" + fund.units.get(4).id() + "/statement").json();
        assertThat(otherBuilding.get("movements").size()).as("building 2 pays nothing").isZero();
        JsonNode summary = api(fund.committee.token()).get(fund.path() + "/summary").json();
        assertThat(summary.get("owedToOwnersFen").asLong()).isEqualTo(summary.get("subAccountsFen").asLong());

        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode report = api(fund.units.get(4).owner().token()).get(fund.path() + "/report?year=" + year).json();
        assertThat(report.get("usesByProject").get(0).get("label").asString()).isEqualTo("1号楼屋面防水维修");
        assertThat(report.get("usesByProject").get(0).get("fen").asLong()).as("F8: every use published to all owners").isEqualTo(1_800_002);
        assertThat(report.get("closingFen").asLong()).isEqualTo(summary.get("subAccountsFen").asLong());
        assertThat(report.get("openingFen").asLong() + report.get("inByKind").findValues("fen").stream().mapToLong(JsonNode::asLong).sum()
                - 1_800_002 - report.get("refundedFen").asLong()).as("opening + in - uses - refunds = closing").isEqualTo(report.get("closingFen").asLong());
        assertThat(api(fund.committee.token()).get(fund.path() + "/report?year=" + year + "&format=csv").body()).contains("1号楼屋面防水维修");
        assertThat(api(fund.committee.token()).get(fund.path() + "/report?year=1999").status()).isEqualTo(400);
    }

    @Test
    void aVoteOfOtherUnitsThanTheProjectsRefusesItV7EvenWhenDecidedBeforeTheLink() {
        String project = fund.path() + "/projects/" + propose(Map.of("title", "1号楼一单元水管", "category", "water_pipes", "estimateFen", 100_000,
                "contractor", "某某水电", "contractorAccount", "6222020200012345678", "unitIds", List.of(unit(0).toString(), unit(1).toString())))
                .get("id").asString();
        UUID resolution = UUID.randomUUID();
        FundFixture.send(List.of(fund.decided(resolution, "USE_MAINTENANCE_FUND", "UNITS", List.of(unit(0), unit(2)), "APPROVED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM decided_resolution WHERE id = ?", Long.class,
                resolution) == 1);

        JsonNode linked = api(fund.committee.token()).post(project + "/vote", Map.of("resolutionId", resolution.toString())).json();

        assertThat(linked.get("status").asString()).isEqualTo("REFUSED");
        ApiResponse nil = api(fund.committee.token()).post(project + "/vote", Map.of("resolutionId", "00000000-0000-0000-0000-000000000000"));
        assertThat(nil.status()).isEqualTo(400);
        String second = fund.path() + "/projects/" + propose(Map.of("title", "1号楼二单元水管", "category", "water_pipes", "estimateFen", 100_000,
                "contractor", "某某水电", "contractorAccount", "6222020200012345678", "unitIds", List.of(unit(2).toString()))).get("id").asString();
        ApiResponse taken = api(fund.committee.token()).post(second + "/vote", Map.of("resolutionId", resolution.toString()));
        assertThat(taken.status()).as("one vote decides one project").isEqualTo(422);
        assertThat(taken.json().get("detail").asString()).contains("1号楼一单元水管");
        assertThat(linked.get("statusNote").asString()).contains("rule V7");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fund_charge WHERE kind = 'SHORTFALL' AND community_id = ?", Long.class, fund.community)).isZero();
    }

    @Test
    void aBlockedDrainIsAnEmergencyTheCommitteeConfirmsWithoutAVoteF7() {
        String project = fund.path() + "/projects/" + propose(Map.of("title", "1号楼排水管堵塞", "category", "drains", "path", "emergency",
                "estimateFen", 80_000, "contractor", "某某管道疏通", "contractorAccount", "6222020200012345678",
                "unitIds", List.of(unit(0).toString(), unit(1).toString()))).get("id").asString();

        assertThat(api(fund.units.getFirst().owner().token()).post(project + "/emergency-confirmation", "").status()).isEqualTo(403);
        JsonNode confirmed = api(fund.committee.token()).post(project + "/emergency-confirmation", "").json();

        assertThat(confirmed.get("status").asString()).isEqualTo("APPROVED");
        assertThat(confirmed.get("workStartsBy").asString()).isNotBlank();
        assertThat(pay(project, Map.of("stage", "completion", "amountFen", 80_000, "finalCostFen", 80_000, "bankReference", "EM-1")).json()
                .get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aLiftForBuilding1IsPaidBySubsidyFundAndOwnersByFloorAndDecidedByThatBuildingsSpecialMajorityF10V9() {
        Map<String, Object> lift = new HashMap<>(Map.of("title", "1号楼加装电梯", "category", "lift_retrofit", "estimateFen", 60_000_001,
                "subsidyFen", 24_000_000, "fundFen", 800_000, "contractor", "北京某某电梯工程有限公司", "contractorAccount", "110060149018170012345",
                "buildingIds", List.of(building1.toString())));
        lift.put("floorCoefficients", Map.of("1", 0, "2", 100));
        JsonNode proposed = propose(lift);
        String project = fund.path() + "/projects/" + proposed.get("id").asString();

        assertThat(proposed.get("subsidyFen").asLong()).isEqualTo(24_000_000);
        assertThat(proposed.get("estimateFen").asLong()).as("through the fund: its part and the contributions").isEqualTo(36_000_001);
        assertThat(proposed.get("shares").findValues("shareFen").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(36_000_001);
        assertThat(proposed.get("shares").get(0).get("shareFen").asLong()).as("1号楼-101, ground floor").isZero();
        assertThat(proposed.get("shares").get(1).get("shareFen").asLong()).as("1号楼-102, ground floor").isZero();
        assertThat(proposed.get("shares").findValues("contributionFen").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(35_200_001);

        UUID wrongMatter = UUID.randomUUID();
        FundFixture.send(List.of(fund.decided(wrongMatter, "USE_MAINTENANCE_FUND", "BUILDINGS", List.of(building1), "APPROVED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM decided_resolution WHERE id = ?", Long.class,
                wrongMatter) == 1);
        JsonNode refused = api(fund.committee.token()).post(project + "/vote", Map.of("resolutionId", wrongMatter.toString())).json();
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("statusNote").asString()).contains("rule V9");

        JsonNode again = propose(lift);
        UUID addLift = UUID.randomUUID();
        api(fund.committee.token()).post(fund.path() + "/projects/" + again.get("id").asString() + "/vote", Map.of("resolutionId", addLift.toString()));
        FundFixture.send(List.of(fund.decided(addLift, "ADD_LIFT", "BUILDINGS", List.of(building1), "APPROVED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> api(fund.committee.token()).get(fund.path() + "/projects/" + again.get("id").asString())
                .json().get("status").asString().equals("APPROVED"));
        assertThat(jdbc.queryForList("SELECT amount_fen FROM fund_charge WHERE project_id = ? AND kind = 'CONTRIBUTION' ORDER BY amount_fen",
                Long.class, UUID.fromString(again.get("id").asString())).stream().mapToLong(Long::longValue).sum())
                .as("the contributions are billed, the ground floor not at all").isEqualTo(35_200_001);
    }

    @Test
    void whatTheFundNeverPaysForIsRefusedNamingTheRuleAndNothingIsProposedF5() {
        ApiResponse upkeep = api(fund.staff.token()).post(fund.path() + "/projects", Map.of("title", "楼道保洁", "category", "routine_upkeep",
                "estimateFen", 100_000, "contractor", "某某保洁", "contractorAccount", "6222020200012345678", "buildingIds", List.of(building1.toString())));
        ApiResponse resident = api(fund.units.getFirst().owner().token()).post(fund.path() + "/projects", Map.of("title", "x", "category", "roof",
                "estimateFen", 1, "contractor", "x", "contractorAccount", "6222020200012345678", "buildingIds", List.of(building1.toString())));
        ApiResponse elsewhere = api(new FundFixture(port).staff.token()).post(fund.path() + "/projects", Map.of("title", "x", "category", "roof",
                "estimateFen", 1, "contractor", "x", "contractorAccount", "6222020200012345678", "buildingIds", List.of(building1.toString())));
        ApiResponse withoutKey = api(fund.operatorAdmin.token()).post(fund.path() + "/projects/" + UUID.randomUUID() + "/payments",
                Map.of("stage", "advance", "amountFen", 1, "bankReference", "X"));

        assertThat(upkeep.status()).isEqualTo(422);
        assertThat(upkeep.json().get("type").asString()).endsWith("/fund-rule-f5");
        assertThat(upkeep.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(resident.status()).isEqualTo(403);
        assertThat(api(dev.commonhold.platform.testkit.Infra.tokens().user("platform").roles("platform-admin").token()).post(fund.path() + "/projects",
                Map.of("title", "x", "category", "roof", "estimateFen", 1, "contractor", "x", "contractorAccount", "6222020200012345678",
                        "buildingIds", List.of(building1.toString()))).status()).as("a platform admin handles no money").isEqualTo(403);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(withoutKey.status()).as("moving money needs an Idempotency-Key").isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project WHERE community_id = ?", Long.class, fund.community)).isZero();
    }

    private JsonNode propose(Map<String, Object> body) {
        ApiResponse response = api(fund.staff.token()).post(fund.path() + "/projects", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private ApiResponse pay(String project, Map<String, Object> body) {
        return api(fund.operatorAdmin.token()).header("Idempotency-Key", UUID.randomUUID().toString()).post(project + "/payments", new HashMap<>(body));
    }

    private UUID unit(int index) {
        return fund.units.get(index).id();
    }

    private long balance(int index) {
        return jdbc.queryForObject("SELECT balance_fen FROM sub_account WHERE unit_id = ?", Long.class, unit(index));
    }

    private Api api(String token) {
        return new Api("http://localhost:" + port).as(token);
    }
}
