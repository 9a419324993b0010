package dev.commonhold.fund.accounts.web;

import dev.commonhold.fund.support.FundFixture;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Taking over a fund that existed before: balances imported all or nothing, once; those below 30% demanded a top-up (F3). */
@IntegrationTest
class OpeningBalancesIT {

    private static final String SHEET = """
            楼栋,房号,余额（元）,首期交存（元）
            1号楼,101,"8,850.00",8850.00
            1号楼,102,2655.00,8850.00
            1号楼,201,2654.99,8850.00
            1号楼,202,0,
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    FundFixture fund;

    @BeforeEach
    void fourFlatsOf88Point5SquareMetres() {
        fund = new FundFixture(port).registered(1, 2, 2, 8_850);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM sub_account WHERE community_id = ?",
                Long.class, fund.community) == 4);
    }

    @Test
    void balancesAreTakenOverOnceAndUnitsBelowThirtyPercentAreDemandedATopUpExactlyThirtyPercentIsNotF3() {
        JsonNode imported = importSheet(SHEET, StandardCharsets.UTF_8).json();

        assertThat(imported.get("units").asInt()).isEqualTo(4);
        assertThat(imported.get("totalFen").asLong()).isEqualTo(885_000 + 265_500 + 265_499);
        assertThat(imported.get("topUpsDemanded").asInt()).as("2654.99 of 8850 (one fen under 30%) and 0; not 2655.00 (exactly 30%)")
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT amount_fen FROM fund_charge WHERE community_id = ? AND kind = 'TOP_UP' ORDER BY amount_fen",
                Long.class, fund.community)).containsExactly(619_501L, 885_000L);
        JsonNode summary = fund.as(fund.committee).get(fund.path() + "/summary").json();
        assertThat(summary.get("owedToOwnersFen").asLong()).isEqualTo(summary.get("subAccountsFen").asLong()).isEqualTo(1_415_999);
        assertThat(summary.get("belowTopUpLine").asInt()).isEqualTo(2);
        assertThat(fund.as(fund.committee).get(fund.path() + "/sub-accounts?belowTopUpLine=true").json().findValuesAsString("unit"))
                .containsExactly("1号楼-201", "1号楼-202");

        ApiResponse again = importSheet(SHEET, StandardCharsets.UTF_8);
        assertThat(again.status()).as("once per unit").isEqualTo(422);
        assertThat(again.json().get("errorCount").asInt()).isEqualTo(4);
    }

    @Test
    void aSheetWithAnyBadRowImportsNothingAndNamesEveryRow() {
        ApiResponse refused = importSheet("""
                楼栋,房号,余额
                1号楼,101,abc
                1号楼,999,100.00
                1号楼,102,-5
                1号楼,201,1.005
                """, StandardCharsets.UTF_8);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/import-rejected");
        assertThat(refused.json().get("errors").findValues("row").stream().map(JsonNode::asInt).toList()).as("every row at fault, the unknown unit too")
                .containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM movement WHERE community_id = ?", Long.class, fund.community)).isZero();
        ApiResponse both = importSheet("楼栋,房号,余额\n1号楼,999,100.00\n1号楼,998,x\n", StandardCharsets.UTF_8);
        assertThat(both.json().get("errors").findValuesAsString("message")).as("every row at fault, in one answer")
                .anyMatch(m -> m.contains("no such unit")).anyMatch(m -> m.contains("an amount in yuan"));
        assertThat(both.json().get("errorCount").asInt()).isEqualTo(3);
    }

    @Test
    void aGbkSheetFromChineseExcelReadsTheSame() {
        assertThat(importSheet(SHEET, Charset.forName("GBK")).status()).isEqualTo(201);
    }

    @Test
    void onlyAnOperatorAdminTakesOverBalances() {
        assertThat(new dev.commonhold.platform.testkit.http.Api("http://localhost:" + port).as(fund.staff.token())
                .post(fund.path() + "/opening-balances?asOf=2026-06-30", SHEET.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(403);
        assertThat(fund.as(fund.committee).get(fund.path() + "/summary").json().get("subAccountsFen").asLong()).isZero();
    }

    private ApiResponse importSheet(String sheet, Charset charset) {
        return new dev.commonhold.platform.testkit.http.Api("http://localhost:" + port).as(fund.operatorAdmin.token())
                .post(fund.path() + "/opening-balances?asOf=2026-06-30", sheet.getBytes(charset), "text/csv");
    }
}
