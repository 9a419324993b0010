package dev.commonhold.billing.payments.web;

import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicReader;

import java.time.YearMonth;
import java.util.List;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Counter payments, prepayments (P2), credit and refunds (P6): what staff and residents see. */
@IntegrationTest
class PaymentsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPartPaymentSettlesTheOldestInvoiceFirstAndAnOverpaymentIsVisibleCredit() {
        BillingFixture f = billed();
        Api staff = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString());
        ApiResponse paid = staff.post(f.unitPath(0, "/payments"), Map.of("amountFen", 20_000, "method", "CASH", "receiptNumber", "R-0001"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("settled").get(0).get("amountFen").asLong()).isEqualTo(13_425); // last month first
        assertThat(paid.json().get("settled").get(1).get("amountFen").asLong()).isEqualTo(6_575);
        JsonNode invoices = f.invoices(f.owner.token(), 0);
        assertThat(invoices.get(0).get("status").asString()).isEqualTo("PARTLY_PAID"); // this month, newest first
        assertThat(invoices.get(1).get("status").asString()).isEqualTo("PAID");

        ApiResponse over = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(f.unitPath(0, "/payments"), Map.of("amountFen", 10_000, "method", "CARD", "receiptNumber", "R-0002"));
        assertThat(over.json().get("creditedFen").asLong()).isEqualTo(10_000 - 6_850);
        assertThat(f.as(f.owner.token()).get(f.unitPath(0, "/credit")).json().get("balanceFen").asLong()).isEqualTo(3_150);

        // next month's bill, paid from the credit by the household itself
        f.bill(YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString());
        ApiResponse applied = f.as(f.owner.token()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/credit/application"), "");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("channel").asString()).isEqualTo("CREDIT");
        assertThat(applied.json().get("appliedFen").asLong()).isEqualTo(3_150);
        assertThat(f.as(f.owner.token()).get(f.unitPath(0, "/credit")).json().get("balanceFen").asLong()).isZero();
        assertThat(f.invoices(f.owner.token(), 0).get(0).get("paidFen").asLong()).isEqualTo(3_150);
        assertThat(f.as(f.owner.token()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/credit/application"), "")
                .status()).as("no credit left").isEqualTo(400);
    }

    @Test
    void aRetryWithTheSameKeyTakesTheMoneyOnceAndAReusedReceiptIsAConflict() {
        BillingFixture f = billed();
        Api staff = f.as(f.staff()).header("Idempotency-Key", "retry-" + UUID.randomUUID());
        Map<String, Object> body = Map.of("amountFen", 5_000, "method", "CASH", "receiptNumber", "R-1001");
        ApiResponse first = staff.post(f.unitPath(0, "/payments"), body);
        ApiResponse retry = staff.post(f.unitPath(0, "/payments"), body);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("paymentId").asString()).isEqualTo(first.json().get("paymentId").asString());
        ApiResponse reserialised = staff.post(f.unitPath(0, "/payments"), "{ \"receiptNumber\" : \"R-1001\", \"method\":\"CASH\", \"amountFen\":5000 }");
        assertThat(reserialised.status()).as("the same request serialised again on retry").isEqualTo(201);
        assertThat(reserialised.json().get("paymentId").asString()).isEqualTo(first.json().get("paymentId").asString());
        assertThat(staff.post(f.unitPath(0, "/payments"), Map.of("amountFen", 5_001, "method", "CASH", "receiptNumber", "R-1001")).status())
                .as("the same key for another amount").isEqualTo(409);
        ApiResponse reused = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"), body);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE payer_unit_id = ?", Integer.class, f.units.get(0))).isEqualTo(1);
        assertThat(f.as(f.staff()).post(f.unitPath(0, "/payments"), body).status()).isEqualTo(400); // no Idempotency-Key
    }

    @Test
    void amountsThatAreNotWholePositiveFenAreRefusedNamingTheFieldAndNothingIsStored() {
        BillingFixture f = billed();
        for (String amount : new String[]{"100.5", "-100", "0", "\"abc\"", "\"100\"", "1e20"}) {
            ApiResponse bad = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                    "{\"amountFen\":" + amount + ",\"method\":\"CASH\",\"receiptNumber\":\"R-9\"}");
            assertThat(bad.status()).as(amount).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.body()).as(amount).contains("amountFen");
        }
        ApiResponse malformed = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                "{\"amountFen\": 100, \"method\": \"CASH\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        ApiResponse unknown = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                "{\"amountFen\":100,\"method\":\"CASH\",\"receiptNumber\":\"R-9\",\"discountFen\":50}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("discountFen");
        ApiResponse twice = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                "{\"amountFen\":100,\"method\":\"CASH\",\"receiptNumber\":\"R-9\",\"amountFen\":5}");
        assertThat(twice.status()).as("a field given twice").isEqualTo(400);
        assertThat(twice.body()).contains("amountFen");
        ApiResponse nul = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                "{\"amountFen\":100,\"method\":\"CASH\",\"receiptNumber\":\"R-\\u0000\"}");
        assertThat(nul.status()).as("a NUL character").isEqualTo(400);
        assertThat(nul.body()).contains("receiptNumber");
        ApiResponse method = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                Map.of("amountFen", 100, "method", "BITCOIN", "receiptNumber", "R-9"));
        assertThat(method.status()).isEqualTo(400);
        assertThat(method.json().get("errors").get(0).get("field").asString()).isEqualTo("method");
        String platform = dev.commonhold.platform.testkit.Infra.tokens().user("platform").roles("platform-admin").token();
        assertThat(f.as(platform).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                Map.of("amountFen", 100, "method", "CASH", "receiptNumber", "R-P")).status()).as("a platform admin handles no money").isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE payer_unit_id = ?", Integer.class, f.units.get(0))).isZero();
    }

    @Test
    void residentsCannotTakePaymentsAndStaffOfAnotherCompanyCannotSeeTheUnit() {
        BillingFixture f = billed();
        Map<String, Object> body = Map.of("amountFen", 100, "method", "CASH", "receiptNumber", "R-7");
        assertThat(f.as(f.owner.token()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"), body).status()).isEqualTo(403);
        assertThat(f.as(f.otherOperator()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"), body).status()).isEqualTo(404);
    }

    @Test
    void twelveMonthsMayBePrepaidThirteenAreRefusedNamingP2AndNothingIsStored() {
        BillingFixture f = billed();
        int invoicesBefore = count(f);
        ApiResponse thirteen = f.as(f.staff()).get(f.unitPath(1, "/prepayments/quote?months=13"));
        assertThat(thirteen.status()).isEqualTo(422);
        assertThat(thirteen.json().get("rule").asString()).isEqualTo("P2");
        ApiResponse paid13 = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(1, "/prepayments"),
                Map.of("months", 13, "amountFen", 174_545, "method", "CASH", "receiptNumber", "P-13"));
        assertThat(paid13.status()).isEqualTo(422);
        assertThat(paid13.json().get("errors").get(0).get("field").asString()).isEqualTo("months");
        assertThat(count(f)).isEqualTo(invoicesBefore);

        JsonNode quote = f.as(f.staff()).get(f.unitPath(1, "/prepayments/quote?months=12")).json();
        // 89.51 m² × 1.50 yuan = 134.265 yuan a month; twelve months rounded once: 1,611.18 yuan (not 12 × 134.27)
        assertThat(quote.get("amountFen").asLong()).isEqualTo(161_118);
        ApiResponse twelve = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(1, "/prepayments"),
                Map.of("months", 12, "amountFen", quote.get("amountFen").asLong(), "method", "CASH", "receiptNumber", "P-12"));
        assertThat(twelve.status()).as(twelve.body()).isEqualTo(201);
        assertThat(twelve.json().get("creditedFen").asLong()).isZero();
        assertThat(count(f)).isEqualTo(invoicesBefore + 1);

        ApiResponse oneMore = f.as(f.staff()).get(f.unitPath(1, "/prepayments/quote?months=1"));
        assertThat(oneMore.status()).as("already 12 months ahead").isEqualTo(422);
        assertThat(oneMore.json().get("rule").asString()).isEqualTo("P2");
    }

    @Test
    void aBankTransferFoundOnTheStatementIsDatedByItsValueDateUpToAQuarterBack() {
        BillingFixture f = billed();
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ApiResponse back = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(1, "/payments"),
                Map.of("amountFen", 13_428, "method", "BANK_TRANSFER", "receiptNumber", "BT-1", "receivedOn", today.minusDays(92).toString()));
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        String payment = back.json().get("paymentId").asString();
        assertThat(jdbc.queryForObject("SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date FROM payment WHERE id = ?::uuid", java.sql.Date.class, payment)
                .toLocalDate()).isEqualTo(today.minusDays(92));

        for (Map<String, Object> refused : List.<Map<String, Object>>of(
                Map.of("amountFen", 100, "method", "BANK_TRANSFER", "receiptNumber", "BT-2", "receivedOn", today.minusDays(93).toString()),
                Map.of("amountFen", 100, "method", "BANK_TRANSFER", "receiptNumber", "BT-3", "receivedOn", today.plusDays(1).toString()),
                Map.of("amountFen", 100, "method", "CASH", "receiptNumber", "SJ-9", "receivedOn", today.minusDays(1).toString()))) {
            ApiResponse r = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(1, "/payments"), refused);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("receivedOn");
        }
        ApiResponse notADate = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(1, "/payments"),
                Map.of("amountFen", 100, "method", "BANK_TRANSFER", "receiptNumber", "BT-4", "receivedOn", "2026-13-01"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body()).contains("receivedOn");
    }

    @Test
    void aRefundNeverExceedsTheCreditBalanceRuleP6() {
        BillingFixture f = billed();
        f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(f.unitPath(2, "/payments"), Map.of("amountFen", 40_000, "method", "CASH", "receiptNumber", "R-3"));
        long credit = f.as(f.staff()).get(f.unitPath(2, "/credit")).json().get("balanceFen").asLong();
        assertThat(credit).isEqualTo(40_000 - 2 * 13_428); // 89.52 m² × 1.50 yuan
        ApiResponse tooMuch = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(2, "/refunds"),
                Map.of("amountFen", credit + 1, "channel", "CASH", "reason", "服务合同终止，退还预收款"));
        assertThat(tooMuch.status()).isEqualTo(422);
        ApiResponse exact = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(2, "/refunds"),
                Map.of("amountFen", credit, "channel", "CASH", "reason", "服务合同终止，退还预收款"));
        assertThat(exact.status()).isEqualTo(201);
        assertThat(f.as(f.staff()).get(f.unitPath(2, "/credit")).json().get("balanceFen").asLong()).isZero();

        JsonNode credited = published(f, "billing.credit-received.v1", 1).getFirst().get("payload");
        assertThat(credited.get("amountFen").asLong()).as("what paid no bill").isEqualTo(credit);
        assertThat(credited.get("channel").asString()).isEqualTo("CASH");
        assertThat(credited.get("payer").get("reference").asString()).isNotBlank();
        assertThat(published(f, "billing.refund-issued.v1", 1).getFirst().get("payload").get("amountFen").asLong()).isEqualTo(credit);
    }

    @Test
    void aCounterPaymentOnTheWrongUnitIsReversedOnceTheLinesAreOpenAgainAndTheCreditIsTakenBack() {
        BillingFixture f = billed();
        ApiResponse paid = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(f.unitPath(0, "/payments"), Map.of("amountFen", 30_000, "method", "CASH", "receiptNumber", "R-WRONG"));
        String payment = paid.json().get("paymentId").asString();
        assertThat(f.as(f.staff()).get(f.unitPath(0, "/credit")).json().get("balanceFen").asLong()).isEqualTo(30_000 - 2 * 13_425);

        ApiResponse reversed = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(f.path("/payments/" + payment + "/reversal"), Map.of("reason", "录错房号：应为 1号楼-102"));
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
        assertThat(reversed.json().findValuesAsString("amountFen")).hasSize(2);
        assertThat(f.invoices(f.staff(), 0).findValuesAsString("status")).containsOnly("OPEN");
        assertThat(f.as(f.staff()).get(f.unitPath(0, "/credit")).json().get("balanceFen").asLong()).isZero();
        assertThat(f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(f.path("/payments/" + payment + "/reversal"), Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(f.as(f.owner.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(f.path("/payments/" + payment + "/reversal"), Map.of("reason", "mine")).status()).isEqualTo(403);

        List<JsonNode> events = TopicReader.read(Infra.kafka().bootstrapServers(), "billing.events", java.time.Duration.ofSeconds(30),
                        records -> records.stream().filter(r -> r.value().contains("payment-reversed") && r.value().contains(f.community.toString())).count() >= 2)
                .stream().filter(r -> r.value().contains("payment-reversed") && r.value().contains(f.community.toString()))
                .map(r -> EventJson.readTree(r.value())).toList();
        assertThat(events).hasSize(2);
        events.forEach(e -> assertThat(new EventSchemas().problems(e)).isEmpty());
        assertThat(events.stream().mapToLong(e -> e.get("payload").get("amountFen").asLong()).sum()).isEqualTo(2 * 13_425);
        JsonNode creditTakenBack = published(f, "billing.credit-reversed.v1", 1).getFirst();
        assertThat(creditTakenBack.get("payload").get("amountFen").asLong()).isEqualTo(30_000 - 2 * 13_425);
        assertThat(creditTakenBack.get("payload").get("reversalId").asString()).isEqualTo(events.getFirst().get("payload").get("reversalId").asString());
    }

    /** The events of {@code type} billing published for the fixture's community, each checked against its schema in contracts/. */
    private static List<JsonNode> published(BillingFixture f, String type, int atLeast) {
        List<JsonNode> events = TopicReader.read(Infra.kafka().bootstrapServers(), "billing.events", java.time.Duration.ofSeconds(30),
                        records -> records.stream().filter(r -> r.value().contains(type) && r.value().contains(f.community.toString())).count() >= atLeast)
                .stream().map(r -> EventJson.readTree(r.value()))
                .filter(e -> e.get("type").asString().equals(type) && e.get("communityId").asString().equals(f.community.toString())).toList();
        events.forEach(e -> assertThat(new EventSchemas().problems(e)).isEmpty());
        return events;
    }

    private BillingFixture billed() {
        BillingFixture f = new BillingFixture(port, 3);
        f.putPlan();
        // last month (overdue by now) and this month, in the community's zone: the rules are about today
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        f.bill(current.minusMonths(1).toString());
        f.bill(current.toString());
        return f;
    }

    private int count(BillingFixture f) {
        return jdbc.queryForObject("SELECT count(*) FROM invoice WHERE community_id = ?", Integer.class, f.community);
    }
}
