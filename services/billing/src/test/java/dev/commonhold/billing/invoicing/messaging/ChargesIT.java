package dev.commonhold.billing.invoicing.messaging;

import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.billing.support.RegisterOnKafka;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Charges from other services (one shared contract) become invoice lines exactly once; unknown payers are held, never dropped. */
@IntegrationTest
class ChargesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.commonhold.billing.invoicing.app.HeldChargeRelease release;

    @Test
    void aParkingChargeDeliveredTwiceIsInvoicedOnceWithItsRevenueClass() {
        BillingFixture f = new BillingFixture(port, 2);
        UUID chargeId = UUID.randomUUID();
        EventEnvelope raised = RegisterOnKafka.envelope("parking.charge-raised.v1", f.community, chargeId, charge(f, chargeId, f.units.get(0), 1_500));
        RegisterOnKafka.send(List.of(raised, raised)); // the same event twice: redelivery
        RegisterOnKafka.send(List.of(RegisterOnKafka.envelope("parking.charge-raised.v1", f.community, chargeId, charge(f, chargeId, f.units.get(0), 1_500))));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.invoices(f.owner.token(), 0).size() == 1);
        Thread.yield();
        JsonNode line = f.invoices(f.owner.token(), 0).get(0).get("lines").get(0);
        assertThat(line.get("revenueClass").asString()).isEqualTo("parking_common");
        assertThat(line.get("amountFen").asLong()).isEqualTo(1_500);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM invoice_line WHERE charge_id = ?", Integer.class, chargeId) == 1);
    }

    @Test
    void aChargeForAnUnknownUnitIsHeldAndACancelledChargeIsNotBilled() {
        BillingFixture f = new BillingFixture(port, 1);
        UUID stranger = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        RegisterOnKafka.send(List.of(RegisterOnKafka.envelope("leasing.charge-raised.v1", f.community, held, charge(f, held, stranger, 800_000))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM held_charge WHERE charge_id = ?", Integer.class, held) == 1);
        JsonNode listed = f.as(f.staff()).get(f.path("/held-charges")).json();
        assertThat(listed.findValuesAsString("chargeId")).containsExactly(held.toString());
        assertThat(listed.get(0).get("amountFen").asLong()).isEqualTo(800_000);
        assertThat(f.as(f.owner.token()).get(f.path("/held-charges")).status()).isEqualTo(403);

        UUID cancelled = UUID.randomUUID();
        RegisterOnKafka.send(List.of(RegisterOnKafka.envelope("commerce.charge-raised.v1", f.community, cancelled, charge(f, cancelled, f.units.get(0), 2_000)),
                RegisterOnKafka.envelope("commerce.charge-cancelled.v1", f.community, cancelled, Map.of("chargeId", cancelled.toString(),
                        "communityId", f.community.toString(), "reason", "订单取消"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM cancelled_charge WHERE charge_id = ?", Integer.class, cancelled) == 1);
        assertThat(f.invoices(f.owner.token(), 0).get(0).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aHeldChargeIsInvoicedOnceItsUnitArrivesInTheRegister() {
        BillingFixture f = new BillingFixture(port, 1);
        UUID lateUnit = UUID.randomUUID();
        UUID chargeId = UUID.randomUUID();
        RegisterOnKafka.send(List.of(RegisterOnKafka.envelope("parking.charge-raised.v1", f.community, chargeId, charge(f, chargeId, lateUnit, 1_500))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM held_charge WHERE charge_id = ?", Integer.class, chargeId) == 1);
        jdbc.update("INSERT INTO unit (id, community_id, building_name, number, area_centi, use, owner_id) VALUES (?, ?, '9号楼', '101', 5000, 'RESIDENTIAL', ?)",
                lateUnit, f.community, UUID.randomUUID()); // what community.state brings when the unit is registered
        release.retry();
        release.retry();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice_line WHERE charge_id = ?", Integer.class, chargeId)).isEqualTo(1);
        assertThat(f.as(f.staff()).get(f.path("/held-charges")).json().size()).isZero();
    }

    /** A tenant has no household: their rent is paid by the charge, at the counter or by transfer, never more than is open. */
    @Test
    void aTenantsRentFromLeasingIsPaidByItsChargeAndNeverOverpaid() {
        BillingFixture f = new BillingFixture(port, 1);
        UUID chargeId = UUID.randomUUID();
        Map<String, Object> rent = charge(f, chargeId, f.units.get(0), 1_500_000);
        rent.put("payer", Map.of("kind", "tenant", "reference", "ZL-2026-0001", "name", "便民超市"));
        rent.put("description", "租金 ZL-2026-0001");
        rent.put("dueOn", java.time.LocalDate.now().minusDays(40).toString());
        RegisterOnKafka.send(List.of(RegisterOnKafka.envelope("leasing.charge-raised.v1", f.community, chargeId, rent)));
        String pay = f.path("/charges/" + chargeId + "/payments");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM invoice_line WHERE charge_id = ?",
                Integer.class, chargeId) == 1);
        assertThat(f.as(f.staff()).get(f.path("/arrears")).json().get("totalFen").asLong())
                .as("a tenant's overdue rent is no household's arrears (leasing's rent roll shows it)").isZero();
        Map<String, Object> over = Map.of("amountFen", 1_500_001, "method", "BANK_TRANSFER", "receiptNumber", "ICBC-001");
        JsonNode refused = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(pay, over).json();
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("amountFen");
        assertThat(f.as(f.owner.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(pay, Map.of("amountFen", 1, "method", "CASH", "receiptNumber", "R-1")).status()).as("a resident is no cashier").isEqualTo(403);
        JsonNode paid = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(pay, Map.of("amountFen", 1_500_000, "method", "BANK_TRANSFER", "receiptNumber", "ICBC-002")).json();
        assertThat(paid.get("appliedFen").asLong()).isEqualTo(1_500_000);
        assertThat(paid.get("creditedFen").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT paid_fen FROM invoice_line WHERE charge_id = ?", Long.class, chargeId)).isEqualTo(1_500_000);
        assertThat(f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(pay, Map.of("amountFen", 1, "method", "CASH", "receiptNumber", "R-2")).status()).as("paid in full: nothing open").isEqualTo(409);
    }

    private static Map<String, Object> charge(BillingFixture f, UUID chargeId, UUID unit, long fen) {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("chargeId", chargeId.toString());
        charge.put("communityId", f.community.toString());
        charge.put("payer", Map.of("kind", "unit", "unitId", unit.toString(), "reference", "1号楼-101"));
        charge.put("revenueClass", fen == 1_500 ? "parking_common" : "lease_common_part");
        charge.put("amountFen", fen);
        charge.put("currency", "CNY");
        charge.put("dueOn", "2026-12-31");
        charge.put("description", "临时停车 京A·12345");
        charge.put("sourceReference", "session-1");
        return charge;
    }
}
