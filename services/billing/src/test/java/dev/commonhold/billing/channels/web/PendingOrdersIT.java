package dev.commonhold.billing.channels.web;

import dev.commonhold.billing.channels.app.PendingOrders;
import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.http.Api;
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

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment whose notifications were all lost is found by querying the channel (WeChat Pay's order
 * query, Alipay's alipay.trade.query, both answered with the channel's signature by the simulator)
 * and settled once; a notification arriving after that is a duplicate.
 */
@IntegrationTest
class PendingOrdersIT {

    static final WechatPaySimulator WECHAT = new WechatPaySimulator("1900000001", "wx0000000000commonhold");
    static final AlipaySimulator ALIPAY = new AlipaySimulator("2021000000000001");
    static final ChannelSimulator CHANNELS = new ChannelSimulator(WECHAT, ALIPAY, "http://localhost:1", Ports.free());

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("billing.channels.wechat-pay.public-key", WECHAT::publicKeyBase64);
        registry.add("billing.channels.wechat-pay.api-v3-key", WECHAT::apiV3Key);
        registry.add("billing.channels.wechat-pay.api-base", () -> "http://localhost:" + CHANNELS.port());
        registry.add("billing.channels.alipay.public-key", ALIPAY::publicKeyBase64);
        registry.add("billing.channels.alipay.gateway", () -> "http://localhost:" + CHANNELS.port() + "/gateway.do");
        registry.add("billing.channels.pending.query-after", () -> "PT0S");
        registry.add("billing.channels.pending.check-every", () -> "PT1H");
    }

    @LocalServerPort
    int port;

    @Autowired
    PendingOrders pending;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void paymentsWhoseNotificationsWereLostAreFoundByTheOrderQueryAndSettledOnce() {
        BillingFixture f = new BillingFixture(port, 3);
        f.putPlan();
        f.bill("2026-12");
        JsonNode wechat = open(f, 0, "WECHAT_PAY");
        JsonNode alipay = open(f, 1, "ALIPAY");
        open(f, 2, "WECHAT_PAY"); // opened, never paid
        ChannelSimulator.Delivery lost = CHANNELS.payWechat(wechat.get("outTradeNo").asString(), wechat.get("amountFen").asLong(), 0, 0);
        CHANNELS.payAlipay(alipay.get("outTradeNo").asString(), alipay.get("amountFen").asLong(), 0, 0);

        assertThat(pending.resolve()).isEqualTo(2);
        assertThat(pending.resolve()).as("settled once").isZero();
        assertThat(f.invoices(f.staff(), 0).get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(f.invoices(f.staff(), 1).get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(f.invoices(f.staff(), 2).get(0).get("status").asString()).isEqualTo("OPEN");

        WechatPaySimulator.Notification late = WECHAT.paid(wechat.get("outTradeNo").asString(), lost.transactionId(), wechat.get("amountFen").asLong());
        Api channel = new Api("http://localhost:" + port);
        for (Map.Entry<String, String> h : late.headers().entrySet()) {
            channel = channel.header(h.getKey(), h.getValue());
        }
        assertThat(channel.post("/api/billing/channels/wechat-pay/notifications", late.body().getBytes(StandardCharsets.UTF_8), "application/json")
                .status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE community_id = ?", Integer.class, f.community)).isEqualTo(2);
    }

    private static JsonNode open(BillingFixture f, int unit, String channel) {
        return f.as(f.staff()).post(f.unitPath(unit, "/channel-orders"), Map.of("channel", channel)).json();
    }
}
