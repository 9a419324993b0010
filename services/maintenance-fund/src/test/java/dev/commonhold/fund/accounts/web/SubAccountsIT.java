package dev.commonhold.fund.accounts.web;

import dev.commonhold.fund.support.FundFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sub-accounts open from the register with the city's deposit (F1, F2); the operator demands the
 * deposits through billing; each settlement credits its unit once; owners see their own.
 */
@IntegrationTest
class SubAccountsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    FundFixture fund;

    @BeforeEach
    void aBuildingOfFourFlatsOf88Point5SquareMetresInBeijing() {
        fund = new FundFixture(port).registered(1, 2, 2, 8_850);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM sub_account WHERE community_id = ?") == 4);
    }

    @Test
    void eachUnitsSubAccountOpensWithItsCitysInitialDepositAndNothingIsDemandedUntilTheOperatorSaysSoF1F2() {
        JsonNode mine = fund.as(fund.units.getFirst().owner()).get(fund.path() + "/sub-accounts/mine").json();

        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("initialDepositFen").asLong()).as("88.50 m² × 100 yuan/m² (Beijing)").isEqualTo(885_000);
        assertThat(mine.get(0).get("topUpLineFen").asLong()).as("30%").isEqualTo(265_500);
        assertThat(mine.get(0).get("balanceFen").asLong()).isZero();
        assertThat(mine.get(0).get("depositState").asString()).isEqualTo("DUE");
        assertThat(count("SELECT count(*) FROM fund_charge WHERE community_id = ?")).isZero();
    }

    @Test
    void theOperatorDemandsTheDepositsOnceAsFundDepositChargesForBillingAndLaterUnitsAtOnce() {
        assertThat(fund.as(fund.units.getFirst().owner()).post(fund.path() + "/deposit-demands", "").status()).isEqualTo(403);
        assertThat(fund.as(fund.staff).post(fund.path() + "/deposit-demands", "").json().get("demanded").asInt()).isEqualTo(4);
        assertThat(fund.as(fund.staff).post(fund.path() + "/deposit-demands", "").json().get("demanded").asInt()).as("once").isZero();
        FundFixture.Unit late = new FundFixture.Unit(UUID.randomUUID(), fund.units.getFirst().buildingId(), "1号楼", "301", 3, 10_000,
                UUID.randomUUID(), Infra.tokens().user("owner").roles("resident").communities(fund.community));
        FundFixture.send(List.of(fund.unitState(late, late.ownerId(), late.owner())));

        List<JsonNode> charges = charges(5);

        assertThat(charges).allSatisfy(c -> {
            assertThat(c.get("revenueClass").asString()).isEqualTo("fund_deposit");
            assertThat(c.get("payer").get("kind").asString()).isEqualTo("unit");
            assertThat(c.get("description").asString()).contains("维修资金");
        });
        assertThat(charges.stream().map(c -> c.get("amountFen").asLong()).toList()).containsOnly(885_000L, 1_000_000L);
        assertThat(charges.stream().filter(c -> c.get("payer").get("reference").asString().equals("1号楼-301")).count())
                .as("a unit registered after the demand is demanded on arrival").isEqualTo(1);
    }

    @Test
    void aSettlementCreditsItsUnitOnceHoweverOftenItArrivesAndTheBooksAgree() {
        fund.as(fund.staff).post(fund.path() + "/deposit-demands", "");
        FundFixture.Unit unit = fund.units.getFirst();
        UUID charge = jdbc.queryForObject("SELECT id FROM fund_charge WHERE unit_id = ?", UUID.class, unit.id());
        var settled = fund.settled(UUID.randomUUID(), charge, unit, 885_000, Instant.parse("2026-11-20T02:00:00Z"));

        FundFixture.send(List.of(settled, settled));
        FundFixture.send(List.of(settled));

        await().atMost(Duration.ofSeconds(30)).until(() -> balance(unit) == 885_000);
        JsonNode statement = fund.as(unit.owner()).get(fund.path() + "/units/" + unit.id() + "/statement").json();
        assertThat(statement.get("movements").size()).as("credited once").isEqualTo(1);
        assertThat(statement.get("movements").get(0).get("kind").asString()).isEqualTo("DEPOSIT");
        assertThat(statement.get("movements").get(0).get("valueDate").asString()).isEqualTo("2026-11-20");
        assertThat(statement.get("subAccount").get("depositState").asString()).isEqualTo("PAID");
        JsonNode summary = fund.as(fund.regulator).get(fund.path() + "/summary").json();
        assertThat(summary.get("subAccountsFen").asLong()).isEqualTo(885_000);
        assertThat(summary.get("owedToOwnersFen").asLong()).as("the ledger's 2101 says the same").isEqualTo(885_000);
    }

    @Test
    void anOwnerSeesTheirOwnSubAccountOnlyAndAnotherCompanySeesNoCommunity() {
        FundFixture.Unit mine = fund.units.get(0);
        FundFixture.Unit neighbours = fund.units.get(1);
        FundFixture other = new FundFixture(port);

        assertThat(fund.as(mine.owner()).get(fund.path() + "/units/" + neighbours.id() + "/statement").status()).isEqualTo(403);
        assertThat(fund.as(mine.owner()).get(fund.path() + "/sub-accounts").status()).isEqualTo(403);
        assertThat(fund.as(fund.committee).get(fund.path() + "/sub-accounts").json().size()).as("the committee oversees").isEqualTo(4);
        assertThat(fund.as(fund.regulator).get(fund.path() + "/sub-accounts").status()).as("regulators read totals, not owners").isEqualTo(403);
        assertThat(fund.as(other.staff).get(fund.path() + "/summary").status()).isEqualTo(404);
        assertThat(fund.as(other.staff).post(fund.path() + "/deposit-demands", "").status()).isEqualTo(404);
    }

    @Test
    void anOwnersStatementIsAlsoASpreadsheetAndAPrintablePdfF8() throws Exception {
        fund.as(fund.staff).post(fund.path() + "/deposit-demands", "");
        FundFixture.Unit unit = fund.units.getFirst();
        UUID charge = jdbc.queryForObject("SELECT id FROM fund_charge WHERE unit_id = ?", UUID.class, unit.id());
        FundFixture.send(List.of(fund.settled(UUID.randomUUID(), charge, unit, 885_000, Instant.parse("2026-11-20T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(unit) == 885_000);
        String statement = fund.path() + "/units/" + unit.id() + "/statement";

        var csv = fund.as(unit.owner()).get(statement + "?format=csv");
        var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + statement + "?format=pdf")).header("Authorization", "Bearer " + unit.owner().token()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF日期").contains("2026-11-20,DEPOSIT,").contains(",8850.00,8850.00,");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fund.as(unit.owner()).get(statement + "?format=xlsx").status()).isEqualTo(400);
        assertThat(fund.as(fund.units.get(1).owner()).get(statement + "?format=pdf").status()).as("not a neighbour's").isEqualTo(403);
    }

    @Test
    void theHousingBureauReadsItsRegionsFundsWithoutOwnersNamesF8() {
        JsonNode region = fund.as(fund.regulator).get("/api/fund/regions/110105/summary").json();

        assertThat(region.get("byCommunity").findValuesAsString("communityId")).contains(fund.community.toString());
        assertThat(region.toString()).doesNotContain("业主");
        var csv = fund.as(fund.regulator).get("/api/fund/regions/110105/summary?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF区划").contains("110105,\"劲松北社区\",4,");
        assertThat(fund.as(Infra.tokens().user("regulator").roles("regulator").jurisdiction("3301")).get("/api/fund/regions/110105/summary").status())
                .as("another city's bureau").isEqualTo(403);
        assertThat(fund.as(fund.units.getFirst().owner()).get("/api/fund/regions/1101/summary").status()).isEqualTo(403);
        assertThat(fund.as(fund.regulator).get("/api/fund/regions/1/summary").status()).as("names the field: divisionPrefix").isEqualTo(400);
    }

    @Test
    void onASaleTheBalanceStaysWithTheUnitAndTheNewOwnerSeesItF9() {
        FundFixture.Unit unit = creditedFirstUnit();
        var buyer = Infra.tokens().user("buyer").roles("resident").communities(fund.community);

        FundFixture.send(List.of(fund.unitState(unit, UUID.randomUUID(), buyer)));

        await().atMost(Duration.ofSeconds(30)).until(() -> fund.as(buyer).get(fund.path() + "/sub-accounts/mine").json().size() == 1);
        assertThat(fund.as(buyer).get(fund.path() + "/sub-accounts/mine").json().get(0).get("balanceFen").asLong()).isEqualTo(885_000);
        assertThat(fund.as(unit.owner()).get(fund.path() + "/units/" + unit.id() + "/statement").status()).as("the seller's no more").isEqualTo(403);
    }

    @Test
    void onDemolitionTheBalanceIsRefundedOnceAndOpenChargesAreWithdrawnF9() {
        FundFixture.Unit unit = creditedFirstUnit();
        FundFixture.Unit other = fund.units.get(1);
        var admin = new dev.commonhold.platform.testkit.http.Api("http://localhost:" + port).as(fund.operatorAdmin.token());
        Map<String, Object> body = Map.of("reason", "朝阳区房屋征收决定〔2026〕12号", "bankReference", "REF-2026-001");

        var refunded = admin.header("Idempotency-Key", UUID.randomUUID().toString()).post(fund.path() + "/units/" + unit.id() + "/demolition-refund", body);
        var again = admin.header("Idempotency-Key", UUID.randomUUID().toString()).post(fund.path() + "/units/" + unit.id() + "/demolition-refund", body);
        var withdrawn = admin.header("Idempotency-Key", UUID.randomUUID().toString()).post(fund.path() + "/units/" + other.id() + "/demolition-refund", body);

        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("refundedFen").asLong()).isEqualTo(885_000);
        assertThat(balance(unit)).isZero();
        assertThat(again.status()).as("once").isEqualTo(422);
        assertThat(withdrawn.json().get("chargesWithdrawn").asInt()).as("the neighbour's unpaid initial deposit").isEqualTo(1);
        assertThat(charges(5).stream().filter(c -> !c.has("revenueClass")).map(c -> c.get("reason").asString()).toList())
                .as("fund.charge-cancelled.v1 for billing").isNotEmpty();
        assertThat(fund.as(fund.staff).post(fund.path() + "/units/" + unit.id() + "/demolition-refund", Map.of()).status()).isIn(400, 403);
    }

    /** The first unit's initial deposit demanded and paid: 8,850 yuan. */
    private FundFixture.Unit creditedFirstUnit() {
        fund.as(fund.staff).post(fund.path() + "/deposit-demands", "");
        FundFixture.Unit unit = fund.units.getFirst();
        UUID charge = jdbc.queryForObject("SELECT id FROM fund_charge WHERE unit_id = ?", UUID.class, unit.id());
        FundFixture.send(List.of(fund.settled(UUID.randomUUID(), charge, unit, 885_000, Instant.parse("2026-11-20T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(unit) == 885_000);
        return unit;
    }

    private List<JsonNode> charges(int expected) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(Infra.kafka().bootstrapServers(), "fund.events", Duration.ofSeconds(60),
                rs -> rs.stream().filter(r -> r.value().contains(fund.community.toString())).count() >= expected);
        EventSchemas schemas = new EventSchemas();
        return records.stream().filter(r -> r.value().contains(fund.community.toString())).map(r -> {
            JsonNode envelope = EventJson.readTree(r.value());
            assertThat(schemas.problems(envelope)).isEmpty();
            assertThat(r.key()).isEqualTo(fund.community.toString());
            return envelope.get("payload");
        }).toList();
    }

    private long balance(FundFixture.Unit unit) {
        Long balance = jdbc.queryForObject("SELECT balance_fen FROM sub_account WHERE unit_id = ?", Long.class, unit.id());
        return balance == null ? 0 : balance;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, fund.community);
        return n == null ? 0 : n;
    }
}
