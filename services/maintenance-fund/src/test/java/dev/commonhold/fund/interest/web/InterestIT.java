package dev.commonhold.fund.interest.web;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule F2: interest by balance-days, to the fen, once per period. */
@IntegrationTest
class InterestIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    FundFixture fund;

    /** 10,000, 10,000, 5,000 and 0 yuan held since 2026-06-30. */
    @BeforeEach
    void fourSubAccountsWithBalances() {
        fund = new FundFixture(port).registered(1, 2, 2, 8_850);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM sub_account WHERE community_id = ?",
                Long.class, fund.community) == 4);
        String sheet = "楼栋,房号,余额\n1号楼,101,10000.00\n1号楼,102,10000.00\n1号楼,201,5000.00\n1号楼,202,0\n";
        assertThat(api().post(fund.path() + "/opening-balances?asOf=2026-06-30", sheet.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(201);
    }

    @Test
    void theBanksAmountIsSplitByBalanceDaysToTheFenAndATieGoesToTheEarlierUnitId() {
        JsonNode done = allocate(Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 10_001, "bankReference", "INT-2026Q3"));

        assertThat(done.get("allocatedFen").asLong()).isEqualTo(10_001);
        assertThat(done.get("subAccounts").asInt()).as("the empty sub-account gets nothing").isEqualTo(3);
        long first = interest(0);
        long second = interest(1);
        boolean firstIsEarlier = fund.units.get(0).id().toString().compareTo(fund.units.get(1).id().toString()) < 0; // byte order, as PostgreSQL sorts uuids
        assertThat(firstIsEarlier ? first : second).as("4,000.4 each: the odd fen to the smaller unit id").isEqualTo(4_001);
        assertThat(firstIsEarlier ? second : first).isEqualTo(4_000);
        assertThat(interest(2)).isEqualTo(2_000);
        assertThat(interest(3)).isZero();
        Map<String, Object> movement = jdbc.queryForMap("SELECT description, reference, value_date::text AS value_date, community_id, "
                + "recorded_at > now() - interval '5 minutes' AS recent FROM movement_as_shown WHERE unit_id = ? AND kind = 'INTEREST'", fund.units.get(2).id());
        assertThat(movement).as("what the owner's statement shows, written by binary COPY")
                .containsEntry("description", "利息分配 Interest 2026-07-01–2026-09-30（INT-2026Q3）")
                .containsEntry("reference", "interest:" + done.get("id").asString())
                .containsEntry("value_date", "2026-09-30")
                .containsEntry("community_id", fund.community)
                .containsEntry("recent", true);
        FundFixture.Unit owner = fund.units.get(2);
        JsonNode shown = fund.as(owner.owner()).get(fund.path() + "/units/" + owner.id() + "/statement").json().get("movements");
        JsonNode credited = shown.get(shown.size() - 1);
        assertThat(credited.get("kind").asString()).isEqualTo("INTEREST");
        assertThat(credited.get("amountFen").asLong()).isEqualTo(2_000);
        assertThat(credited.get("description").asString()).as("the owner's statement shows the interest entry's text")
                .isEqualTo("利息分配 Interest 2026-07-01–2026-09-30（INT-2026Q3）");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM movement WHERE description IS NOT NULL AND kind = 'INTEREST'", Long.class))
                .as("kept once, on the journal entry (V8)").isZero();
    }

    @Test
    void aRateCreditsEachDaysBalanceMoneyPaidInDuringThePeriodCountingFromItsDayAndMoneyPaidAfterItNotAtAll() {
        UUID topUp = jdbc.queryForObject("SELECT id FROM fund_charge WHERE unit_id = ? AND kind = 'TOP_UP'", UUID.class, fund.units.get(3).id());
        FundFixture.send(List.of(fund.settled(UUID.randomUUID(), topUp, fund.units.get(3), 385_000, Instant.parse("2026-09-01T02:00:00Z")),
                fund.settled(UUID.randomUUID(), topUp, fund.units.get(3), 500_000, Instant.parse("2026-10-05T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT balance_fen FROM sub_account WHERE unit_id = ?", Long.class,
                fund.units.get(3).id()) == 885_000);

        JsonNode done = allocate(Map.of("from", "2026-07-01", "to", "2026-09-30", "rateBasisPoints", 150, "bankReference", "INT-RATE"));

        long[] balanceDays = {1_000_000L * 92, 1_000_000L * 92, 500_000L * 92, 385_000L * 30};
        long sum = java.util.Arrays.stream(balanceDays).sum();
        long expected = (sum * 150 + 3_650_000 / 2) / 3_650_000; // 1.50% a year, half up to the fen
        assertThat(done.get("allocatedFen").asLong()).isEqualTo(expected);
        assertThat(interest(0) + interest(1) + interest(2) + interest(3)).isEqualTo(expected);
        assertThat(interest(3)).as("385,000 held 30 of the 92 days; the 500,000 paid on 5 October not in this period at all")
                .isBetween(385_000L * 30 * expected / sum, 385_000L * 30 * expected / sum + 1);
    }

    @Test
    void aPeriodIsAllocatedOnceAndOverlapsAreRefused() {
        JsonNode first = allocate(Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 10_001, "bankReference", "INT-2026Q3"));
        ApiResponse again = api().post(fund.path() + "/interest", Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 10_001,
                "bankReference", "INT-2026Q3"));
        ApiResponse overlap = api().post(fund.path() + "/interest", Map.of("from", "2026-09-01", "to", "2026-12-31", "amountFen", 500,
                "bankReference", "INT-X"));
        ApiResponse both = api().post(fund.path() + "/interest", Map.of("from", "2027-01-01", "to", "2027-03-31", "amountFen", 500,
                "rateBasisPoints", 150, "bankReference", "INT-X"));
        ApiResponse staff = new Api("http://localhost:" + port).as(fund.staff.token()).post(fund.path() + "/interest",
                Map.of("from", "2027-01-01", "to", "2027-03-31", "amountFen", 500, "bankReference", "INT-X"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.json().get("type").asString()).endsWith("/fund-rule-f2");
        assertThat(both.status()).isEqualTo(422);
        assertThat(staff.status()).isEqualTo(403);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        ApiResponse notOver = api().post(fund.path() + "/interest", Map.of("from", today.withDayOfMonth(1).toString(), "to", today.toString(),
                "amountFen", 100, "bankReference", "INT-NOW"));
        assertThat(notOver.status()).as("a period that has not ended").isEqualTo(422);
        assertThat(notOver.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(interest(0) + interest(1) + interest(2) + interest(3)).as("credited once").isEqualTo(10_001);
    }

    private JsonNode allocate(Map<String, Object> body) {
        ApiResponse started = api().post(fund.path() + "/interest", body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = fund.path() + "/interest/" + started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api().get(location).json().get("status").asString().equals("RUNNING"));
        JsonNode done = api().get(location).json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private long interest(int unit) {
        Long sum = jdbc.queryForObject("SELECT coalesce(sum(amount_fen), 0) FROM movement WHERE unit_id = ? AND kind = 'INTEREST'", Long.class,
                fund.units.get(unit).id());
        return sum == null ? 0 : sum;
    }

    private Api api() {
        return new Api("http://localhost:" + port).as(fund.operatorAdmin.token());
    }
}
