package dev.commonhold.billing.invoicing.web;

import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.commonhold.billing.invoicing.domain.Period;
import dev.commonhold.billing.invoicing.domain.PropertyFee;
import dev.commonhold.billing.invoicing.domain.UnitPrice;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fee plans and billing runs through the API, on real PostgreSQL and Kafka. */
@IntegrationTest
class BillingRunsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunIssuesOneInvoicePerUnitAndARerunIssuesNothingMore() {
        BillingFixture f = new BillingFixture(port, 20);
        f.putPlan();

        JsonNode run = f.bill("2026-12");
        assertThat(run.get("totalUnits").asInt()).isEqualTo(20);
        assertThat(run.get("doneUnits").asInt()).isEqualTo(20);
        assertThat(run.get("issued").asInt()).isEqualTo(20);
        assertThat(run.get("percent").asInt()).isEqualTo(100);
        // units of 89.50 m² + i × 0.01 m² at 1.50 yuan, each invoice rounded half up: 13,425 + ⌈1.5 i⌉ fen; Σ over i < 20 = 268,790
        assertThat(run.get("issuedFen").asLong()).isEqualTo(268_790);

        ApiResponse again = f.as(f.operator()).post("/api/billing/runs", Map.of("communityId", f.community.toString(), "period", "2026-12"));
        assertThat(again.json().get("id").asString()).isEqualTo(run.get("id").asString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice WHERE community_id = ?", Integer.class, f.community)).isEqualTo(20);

        JsonNode first = f.invoices(f.operator(), 0).get(0);
        assertThat(first.get("totalFen").asLong()).isEqualTo(13_425);
        assertThat(first.get("dueOn").asString()).isEqualTo("2026-12-15");
        assertThat(first.get("lines").get(0).get("description").asString()).isEqualTo("物业费 2026年12月（1号楼-101，89.50 m²）");

        List<ConsumerRecord<String, String>> issued = TopicReader.read(Infra.kafka().bootstrapServers(), "billing.events", Duration.ofSeconds(30),
                records -> ofCommunity(records, f).size() >= 20).stream().filter(r -> r.value().contains(f.community.toString())).toList();
        assertThat(issued).hasSize(20);
        EventSchemas schemas = new EventSchemas();
        issued.forEach(r -> {
            assertThat(schemas.problems(EventJson.readTree(r.value()))).isEmpty();
            assertThat(r.key()).isEqualTo(f.community.toString());
        });
        // Rendered by the relay from the invoices (one outbox row for the chunk): one event per invoice, with the id kept on it.
        Map<String, JsonNode> byInvoice = issued.stream().map(r -> EventJson.readTree(r.value()))
                .collect(java.util.stream.Collectors.toMap(e -> e.get("aggregateId").asString(), e -> e));
        assertThat(byInvoice.keySet()).containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT id::text FROM invoice WHERE community_id = ?", String.class, f.community));
        assertThat(byInvoice.values().stream().map(e -> e.get("eventId").asString()).toList()).containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT issued_event_id::text FROM invoice WHERE community_id = ?", String.class, f.community));
        JsonNode firstIssued = byInvoice.get(first.get("id").asString()).get("payload");
        assertThat(firstIssued.get("number").asString()).isEqualTo(first.get("number").asString());
        assertThat(firstIssued.get("totalFen").asLong()).isEqualTo(13_425);
        assertThat(firstIssued.get("dueOn").asString()).isEqualTo("2026-12-15");
        assertThat(firstIssued.get("payer").get("reference").asString()).isEqualTo("1号楼-101");
        assertThat(firstIssued.get("lines").get(0).get("description").asString()).isEqualTo("物业费 2026年12月（1号楼-101，89.50 m²）");
        assertThat(firstIssued.get("billingRunId").asString()).isEqualTo(run.get("id").asString());
    }

    @Test
    void theSetBasedRunChargesEveryUnitExactlyWhatRuleP1ComputesAcrossAPriceChangeInAQuarter() {
        BillingFixture f = new BillingFixture(port, 40);
        List<UnitPrice> prices = List.of(new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 157),
                new UnitPrice("RESIDENTIAL", LocalDate.of(2027, 2, 11), 163));
        assertThat(f.as(f.operator()).put(f.path("/fee-plan"), Map.of("name", "季度物业费", "cycle", "QUARTERLY", "dueDays", 30,
                "prices", prices.stream().map(p -> Map.of("use", p.use(), "effectiveFrom", p.effectiveFrom().toString(),
                        "fenPerSquareMetreMonth", p.fenPerSquareMetreMonth())).toList())).status()).isEqualTo(200);
        f.bill("2027-01");
        Period quarter = new Period(YearMonth.of(2027, 1), 3);
        Map<UUID, Long> charged = new java.util.HashMap<>();
        jdbc.query("SELECT payer_unit_id, total_fen FROM invoice WHERE community_id = ?", rs -> {
            charged.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }, f.community);
        assertThat(charged).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(charged.get(f.units.get(i))).as("unit %d of %d.%02d m²", i, (8950 + i) / 100, (8950 + i) % 100)
                    .isEqualTo(PropertyFee.of(8950 + i, quarter, prices));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billed_month WHERE unit_id = ?", Integer.class, f.units.get(0))).isEqualTo(3);
    }

    @Test
    void aCompanyRunBillsEveryCommunityTheCompanyRunsAndNoOtherAsOneJob() {
        BillingFixture first = new BillingFixture(port, 5);
        BillingFixture second = new BillingFixture(port, 7, first.company);
        BillingFixture rival = new BillingFixture(port, 3);
        first.putPlan();
        second.putPlan();
        rival.putPlan();
        ApiResponse started = first.as(first.operator()).post("/api/billing/runs", Map.of("companyId", first.company.toString(), "period", "2027-03"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.json().get("id").asString();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> first.as(first.operator()).get("/api/billing/runs/" + run).json().get("status").asString().equals("DONE"));
        JsonNode done = first.as(first.operator()).get("/api/billing/runs/" + run).json();
        assertThat(done.get("totalUnits").asInt()).isEqualTo(12);
        assertThat(done.get("issued").asInt()).isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice WHERE community_id = ?", Integer.class, rival.community)).isZero();
        assertThat(first.as(rival.operator()).post("/api/billing/runs", Map.of("companyId", first.company.toString(), "period", "2027-04")).status())
                .as("another company's admin").isEqualTo(403);
        assertThat(rival.as(rival.operator()).get("/api/billing/runs/" + run).status()).isEqualTo(404);
    }

    @Test
    void residentsSeeTheirOwnInvoicesOnlyAndOthersSeeNothing() {
        BillingFixture f = new BillingFixture(port, 3);
        f.putPlan();
        f.bill("2026-12");
        assertThat(f.invoices(f.owner.token(), 0)).hasSize(1);
        assertThat(f.as(f.owner.token()).get(f.unitPath(1, "/invoices")).status()).isEqualTo(404);
        assertThat(f.as(f.otherOperator()).get(f.unitPath(0, "/invoices")).status()).isEqualTo(404);
        assertThat(f.as(f.owner.token()).get(f.path("/households/mine")).json().get(0).get("unitId").asString()).isEqualTo(f.units.get(0).toString());
        // a resident may not run billing; a regulator reads totals, not households
        assertThat(f.as(f.owner.token()).post("/api/billing/runs", Map.of("communityId", f.community.toString(), "period", "2027-01")).status()).isEqualTo(403);
        assertThat(f.as(f.regulator()).get(f.path("/arrears")).status()).isEqualTo(200);
        assertThat(f.as(f.regulator()).get(f.unitPath(0, "/invoices")).status()).isEqualTo(404);
    }

    @Test
    void aBadPlanIsRefusedNamingTheFieldAndTheRuleAndNothingIsStored() {
        BillingFixture f = new BillingFixture(port, 1);
        ApiResponse overCap = f.as(f.operator()).put(f.path("/fee-plan"), Map.of("name", "x", "cycle", "MONTHLY", "dueDays", 14,
                "lateFee", Map.of("basisPointsPerDay", 5, "capBasisPoints", 3001),
                "prices", List.of(Map.of("use", "RESIDENTIAL", "effectiveFrom", "2020-01-01", "fenPerSquareMetreMonth", 150))));
        assertThat(overCap.status()).isEqualTo(422);
        assertThat(overCap.contentType()).startsWith("application/problem+json");
        assertThat(overCap.json().get("errors").get(0).get("field").asString()).isEqualTo("lateFee.capBasisPoints");
        assertThat(overCap.json().get("rule").asString()).isEqualTo("P4");

        ApiResponse fraction = f.as(f.operator()).put(f.path("/fee-plan"), """
                {"name":"x","cycle":"MONTHLY","dueDays":14,"prices":[{"use":"RESIDENTIAL","effectiveFrom":"2020-01-01","fenPerSquareMetreMonth":150.5}]}""");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.body()).contains("fenPerSquareMetreMonth");

        ApiResponse unknownField = f.as(f.operator()).put(f.path("/fee-plan"), """
                {"name":"x","cycle":"MONTHLY","dueDays":14,"discount":3,"prices":[{"use":"RESIDENTIAL","effectiveFrom":"2020-01-01","fenPerSquareMetreMonth":150}]}""");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("discount");

        ApiResponse badCycle = f.as(f.operator()).put(f.path("/fee-plan"), Map.of("name", "x", "cycle", "WEEKLY", "dueDays", 14,
                "prices", List.of(Map.of("use", "RESIDENTIAL", "effectiveFrom", "2020-01-01", "fenPerSquareMetreMonth", 150))));
        assertThat(badCycle.status()).isEqualTo(400);
        assertThat(badCycle.json().get("errors").get(0).get("field").asString()).isEqualTo("cycle");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM fee_plan WHERE community_id = ?", Integer.class, f.community)).isZero();
        assertThat(f.as(f.operator()).post("/api/billing/runs", Map.of("communityId", f.community.toString(), "period", "2026-13")).status()).isEqualTo(400);
        YearMonth now = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        ApiResponse tooEarly = f.as(f.operator()).post("/api/billing/runs", Map.of("communityId", f.community.toString(), "period",
                now.plusMonths(13).toString()));
        assertThat(tooEarly.status()).as("13 months ahead").isEqualTo(422);
        assertThat(tooEarly.json().get("rule").asString()).isEqualTo("P2");
        ApiResponse prescribed = f.as(f.operator()).post("/api/billing/runs", Map.of("communityId", f.community.toString(), "period",
                now.minusYears(3).minusMonths(1).toString()));
        assertThat(prescribed.json().get("rule").asString()).isEqualTo("P5");
    }

    private static List<ConsumerRecord<String, String>> ofCommunity(List<ConsumerRecord<String, String>> records, BillingFixture f) {
        return records.stream().filter(r -> r.value().contains(f.community.toString()) && r.value().contains("invoice-issued")).toList();
    }
}
