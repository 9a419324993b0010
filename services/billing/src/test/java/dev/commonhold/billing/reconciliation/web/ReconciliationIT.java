package dev.commonhold.billing.reconciliation.web;

import dev.commonhold.billing.reconciliation.domain.Statements;
import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.simulator.AlipaySimulator;
import dev.commonhold.simulator.ChannelSimulator;
import dev.commonhold.simulator.WechatPaySimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule PY3 through the API: a WeChat Pay trade bill against the day's payments, exceptions resolved, the day locked. */
@IntegrationTest
@org.springframework.context.annotation.Import(ReconciliationIT.Tomorrow.class)
@org.springframework.test.context.TestPropertySource(properties = "billing.channels.wechat-pay.notify-window-seconds=172800")
class ReconciliationIT {

    /** A day is reconciled once it has ended: this service lives a day ahead, so today's payments are its yesterday's. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Tomorrow {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(1));
        }
    }

    static final WechatPaySimulator WECHAT = new WechatPaySimulator("1900000001", "wx0000000000commonhold");
    static final AlipaySimulator ALIPAY = new AlipaySimulator("2021000000000001");

    @DynamicPropertySource
    static void channelKeys(DynamicPropertyRegistry registry) {
        registry.add("billing.channels.wechat-pay.public-key", WECHAT::publicKeyBase64);
        registry.add("billing.channels.wechat-pay.api-v3-key", WECHAT::apiV3Key);
        registry.add("billing.channels.alipay.public-key", ALIPAY::publicKeyBase64);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStatementWithOneMissingOneExtraAndOneMismatchedPaymentHasExactlyThoseThreeExceptions() {
        BillingFixture f = new BillingFixture(port, 4);
        f.putPlan();
        f.bill("2026-12");
        List<String[]> paid = payEachUnitWithWechat(f); // {transactionId, outTradeNo, yuan}
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String day = "/api/billing/reconciliation/WECHAT_PAY/" + today;
        assertThat(f.as(f.operator()).put("/api/billing/reconciliation/WECHAT_PAY/" + today.plusDays(1) + "/statement",
                Statements.wechat(List.of())).status()).as("the service's today has not ended").isEqualTo(422);

        List<Statements.Row> rows = new ArrayList<>();
        rows.add(new Statements.Row(paid.get(0)[0], paid.get(0)[1], paid.get(0)[2], false));
        rows.add(new Statements.Row(paid.get(1)[0], paid.get(1)[1], paid.get(1)[2], false));
        rows.add(new Statements.Row(paid.get(2)[0], paid.get(2)[1], "1.00", false));           // mismatched amount
        rows.add(new Statements.Row("4200999999" + System.nanoTime() % 100000, "unknown", "88.00", false)); // extra: not ours
        // paid.get(3) is missing from the statement
        Api admin = f.as(f.operator());
        ApiResponse imported = admin.put(day + "/statement", Statements.wechat(rows));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("matched").asInt()).isEqualTo(2);
        assertThat(report.get("openExceptions").asInt()).isEqualTo(3);
        assertThat(report.get("exceptions").findValuesAsString("kind"))
                .containsExactlyInAnyOrder("AMOUNT_MISMATCH", "MISSING_IN_OUR_RECORDS", "MISSING_IN_STATEMENT");
        assertThat(report.get("exceptions").findValuesAsString("transactionId")).contains(paid.get(2)[0], paid.get(3)[0]);

        ApiResponse early = admin.post(day + "/lock", "");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("rule").asString()).isEqualTo("PY3");

        for (JsonNode exception : report.get("exceptions")) {
            assertThat(admin.post(day + "/exceptions/" + exception.get("id").asString() + "/resolution",
                    Map.of("resolution", "查微信商户平台：已核实，见工单 #" + exception.get("transactionId").asString())).status()).isEqualTo(200);
        }
        JsonNode locked = admin.post(day + "/lock", "").json();
        assertThat(locked.get("locked").asBoolean()).isTrue();
        assertThat(locked.get("openExceptions").asInt()).isZero();
        assertThat(admin.put(day + "/statement", Statements.wechat(rows)).status()).as("a locked day takes no new statement").isEqualTo(409);

        assertThat(f.as(f.otherOperator()).get(day).status()).as("another company's admin sees no such day").isEqualTo(404);
        assertThat(f.as(f.owner.token()).get(day).status()).isEqualTo(403);
    }

    @Test
    void aBrokenStatementIsRefusedRowByRowAndNothingIsStored() {
        BillingFixture f = new BillingFixture(port, 1);
        String day = "/api/billing/reconciliation/WECHAT_PAY/2026-11-01";
        String broken = Statements.wechat(List.of(new Statements.Row("4200000001", "a1", "134.255", false),
                new Statements.Row("4200000002", "a2", "1.00", false))).replace("`0.60%,`1.00", "`0.60%,`0.10%,`1.00");
        ApiResponse refused = f.as(f.operator()).put(day + "/statement", broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("message")).contains("27 columns expected, 28 found",
                "is not an amount in yuan with at most 2 decimals");
        assertThat(f.as(f.operator()).get(day).status()).isEqualTo(404);
    }

    private List<String[]> payEachUnitWithWechat(BillingFixture f) {
        List<String[]> paid = new ArrayList<>();
        try (ChannelSimulator simulator = new ChannelSimulator(WECHAT, ALIPAY, "http://localhost:" + port, 0)) {
            for (int unit = 0; unit < f.units.size(); unit++) {
                JsonNode order = f.as(f.staff()).post(f.unitPath(unit, "/channel-orders"), Map.of("channel", "WECHAT_PAY")).json();
                ChannelSimulator.Delivery delivery = simulator.payWechat(order.get("outTradeNo").asString(), order.get("amountFen").asLong(), 1, 0);
                assertThat(delivery.answers()).containsExactly("204");
                paid.add(new String[]{delivery.transactionId(), order.get("outTradeNo").asString(), AlipaySimulator.yuan(order.get("amountFen").asLong())});
            }
        }
        return paid;
    }
}
