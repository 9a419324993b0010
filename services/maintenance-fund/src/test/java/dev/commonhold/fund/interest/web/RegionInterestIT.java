package dev.commonhold.fund.interest.web;

import dev.commonhold.fund.support.FundFixture;
import dev.commonhold.platform.testkit.Infra;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule F2 for a whole city: one split over every sub-account of its communities, to the fen, once per period. */
@IntegrationTest
class RegionInterestIT {

    /** A city of its own for each test (division codes begin 1–8): regions of other tests never overlap it. */
    private static final java.util.concurrent.atomic.AtomicInteger CITIES = new java.util.concurrent.atomic.AtomicInteger(
            ThreadLocalRandom.current().nextInt(100, 800));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    String city;
    FundFixture east;
    FundFixture west;
    FundFixture elsewhere;

    /** Two communities of a city holding 10,000 yuan in each of two flats (one 0 in the west), and one of another city. */
    @BeforeEach
    void twoCommunitiesOfACityAndOneOutside() {
        city = "8" + CITIES.getAndAdd(2);
        east = community(city + "01", "10000.00", "10000.00");
        west = community(city + "02", "10000.00", "0");
        elsewhere = community((Integer.parseInt(city) + 1) + "01", "10000.00", "10000.00");
    }

    @Test
    void theBanksAmountIsSplitOverTheWholeCityToTheFenAndTheOddFenGoesToTheSmallestUnitIdWhereverItIs() {
        JsonNode done = allocate(Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 10_000, "bankReference", "CITY-2026Q3"));

        assertThat(done.get("allocatedFen").asLong()).as("3,333.33 each to three equal holdings").isEqualTo(10_000);
        assertThat(done.get("communities").asInt()).isEqualTo(2);
        assertThat(done.get("subAccounts").asInt()).as("the empty flat gets nothing").isEqualTo(3);
        List<FundFixture.Unit> held = List.of(east.units.get(0), east.units.get(1), west.units.get(0));
        FundFixture.Unit first = held.stream().min(Comparator.comparing(u -> u.id().toString())).orElseThrow(); // byte order, as PostgreSQL sorts
        for (FundFixture.Unit unit : held) {
            assertThat(interest(unit)).as(unit.id().toString()).isEqualTo(unit == first ? 3_334 : 3_333);
        }
        assertThat(interest(west.units.get(1))).isZero();
        assertThat(interest(elsewhere.units.get(0)) + interest(elsewhere.units.get(1))).as("another city").isZero();
        assertThat(entries(east.community)).as("one entry in each community's books").isEqualTo(1);
        assertThat(entries(west.community)).isEqualTo(1);
        assertThat(east.as(east.operatorAdmin).get(east.path() + "/interest").json().get(0).get("allocatedFen").asLong())
                .as("the community sees its share as its allocation of the period").isEqualTo(interest(east.units.get(0)) + interest(east.units.get(1)));
    }

    @Test
    void aRateGivesTheAmountFromTheWholeCitysBalanceDaysRoundedOnce() {
        JsonNode done = allocate(Map.of("from", "2026-07-01", "to", "2026-09-30", "rateBasisPoints", 150, "bankReference", "CITY-RATE"));

        long balanceDays = 3 * 1_000_000L * 92;
        long expected = (balanceDays * 150 + 3_650_000 / 2) / 3_650_000;
        assertThat(done.get("allocatedFen").asLong()).isEqualTo(expected);
        assertThat(interest(east.units.get(0)) + interest(east.units.get(1)) + interest(west.units.get(0))).isEqualTo(expected);
    }

    @Test
    void aPeriodIsAllocatedOnceWhicheverWayItIsAskedAndOnlyThePlatformAdministratorAsks() {
        JsonNode first = allocate(Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 10_001, "bankReference", "CITY-2026Q3"));
        ApiResponse again = admin().post(path(city), Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 10_001, "bankReference", "CITY-2026Q3"));
        ApiResponse district = admin().post(path(city + "01"), Map.of("from", "2026-09-01", "to", "2026-09-30", "amountFen", 500, "bankReference", "D"));
        ApiResponse communityAlone = east.as(east.operatorAdmin).post(east.path() + "/interest",
                Map.of("from", "2026-08-01", "to", "2026-10-31", "amountFen", 500, "bankReference", "OWN"));
        ApiResponse operator = east.as(east.operatorAdmin).post(path(city), Map.of("from", "2026-10-01", "to", "2026-10-31", "amountFen", 500,
                "bankReference", "X"));
        Api regulator = new Api("http://localhost:" + port).as(Infra.tokens().user("bureau").roles("regulator").jurisdiction(city).token());
        Api otherRegulator = new Api("http://localhost:" + port).as(Infra.tokens().user("bureau").roles("regulator").jurisdiction("1101").token());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(district.status()).as("a district inside the city, overlapping").isEqualTo(422);
        assertThat(district.json().get("type").asString()).endsWith("/fund-rule-f2");
        assertThat(communityAlone.status()).as("a community of the city on its own, overlapping").isEqualTo(422);
        assertThat(communityAlone.json().get("errors").get(0).get("message").asString()).contains(city);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(regulator.post(path(city), Map.of("from", "2026-10-01", "to", "2026-10-31", "amountFen", 500, "bankReference", "X")).status())
                .as("regulators read").isEqualTo(403);
        assertThat(regulator.get(path(city)).json().get(0).get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(otherRegulator.get(path(city)).status()).isEqualTo(403);
        assertThat(admin().post(path("9"), Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 1, "bankReference", "X")).status())
                .as("one digit is no region").isEqualTo(400);
        assertThat(interest(east.units.get(0)) + interest(east.units.get(1)) + interest(west.units.get(0))).as("credited once").isEqualTo(10_001);
    }

    @Test
    void aCommunitysOwnAllocationKeepsTheCityFromAllocatingTheSameDaysAgain() {
        ApiResponse own = east.as(east.operatorAdmin).post(east.path() + "/interest",
                Map.of("from", "2026-07-01", "to", "2026-09-30", "amountFen", 800, "bankReference", "OWN"));
        assertThat(own.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> interest(east.units.get(0)) > 0);

        ApiResponse city = admin().post(path(this.city), Map.of("from", "2026-09-01", "to", "2026-10-31", "amountFen", 500, "bankReference", "C"));

        assertThat(city.status()).isEqualTo(422);
        assertThat(city.json().get("errors").get(0).get("message").asString()).contains("had its own interest allocated");
    }

    private FundFixture community(String divisionCode, String first, String second) {
        FundFixture fund = new FundFixture(port, divisionCode).registered(1, 1, 2, 8_850);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM sub_account WHERE community_id = ?",
                Long.class, fund.community) == 2);
        String sheet = "楼栋,房号,余额\n1号楼,101,%s\n1号楼,102,%s\n".formatted(first, second);
        assertThat(fund.as(fund.operatorAdmin).post(fund.path() + "/opening-balances?asOf=2026-06-30", sheet.getBytes(StandardCharsets.UTF_8), "text/csv")
                .status()).isEqualTo(201);
        return fund;
    }

    private JsonNode allocate(Map<String, Object> body) {
        ApiResponse started = admin().post(path(city), body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = path(city) + "/" + started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin().get(location).json().get("status").asString().equals("RUNNING"));
        JsonNode done = admin().get(location).json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private long interest(FundFixture.Unit unit) {
        Long sum = jdbc.queryForObject("SELECT coalesce(sum(amount_fen), 0) FROM movement WHERE unit_id = ? AND kind = 'INTEREST'", Long.class, unit.id());
        return sum == null ? 0 : sum;
    }

    private long entries(UUID community) {
        return jdbc.queryForObject("SELECT count(*) FROM movement WHERE community_id = ? AND kind = 'INTEREST'", Long.class, community) > 0
                ? jdbc.queryForObject("SELECT count(DISTINCT entry_id) FROM movement WHERE community_id = ? AND kind = 'INTEREST'", Long.class, community)
                : 0;
    }

    private static String path(String region) {
        return "/api/fund/regions/" + region + "/interest";
    }

    private Api admin() {
        return new Api("http://localhost:" + port).as(Infra.tokens().user("platform").roles("platform-admin").token());
    }
}
