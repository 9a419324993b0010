package dev.commonhold.billing.channels.web;

import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.simulator.AlipaySimulator;
import dev.commonhold.simulator.WechatPaySimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat Pay and Alipay notifications with real signed bodies from the channel simulator (its own
 * JDK crypto, not the SDKs billing verifies with): duplicates, concurrent duplicates, forged,
 * stale, wrong-amount, out-of-order, unknown orders, and a second channel paying an invoice twice.
 * PAYMENT-CHANNELS.md; rules PY1, PY2.
 */
@IntegrationTest
class ChannelNotificationsIT {

    static final WechatPaySimulator WECHAT = new WechatPaySimulator("1900000001", "wx0000000000commonhold");
    static final AlipaySimulator ALIPAY = new AlipaySimulator("2021000000000001");

    @DynamicPropertySource
    static void channelKeys(DynamicPropertyRegistry registry) {
        registry.add("billing.channels.wechat-pay.public-key", WECHAT::publicKeyBase64);
        registry.add("billing.channels.wechat-pay.public-key-id", () -> WechatPaySimulator.PUBLIC_KEY_ID);
        registry.add("billing.channels.wechat-pay.api-v3-key", WECHAT::apiV3Key);
        registry.add("billing.channels.alipay.public-key", ALIPAY::publicKeyBase64);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWechatNotificationDeliveredFiveTimesAtOnceSettlesOnceAndEveryDeliveryIsAcknowledged() {
        BillingFixture f = billed();
        JsonNode order = open(f, "WECHAT_PAY");
        WechatPaySimulator.Notification paid = WECHAT.paid(order.get("outTradeNo").asString(), "4200000001" + suffix(), order.get("amountFen").asLong());
        List<Integer> answers = IntStream.range(0, 5).mapToObj(i -> CompletableFuture.supplyAsync(() -> postWechat(paid).status()))
                .toList().stream().map(CompletableFuture::join).toList();
        assertThat(answers).containsOnly(204);
        assertThat(payments(f)).isEqualTo(1);
        assertThat(f.invoices(f.owner.token(), 0).get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(f.as(f.owner.token()).get(f.path("/channel-orders/" + order.get("id").asString())).json().get("paid").asBoolean()).isTrue();

        List<JsonNode> settled = TopicReader.read(Infra.kafka().bootstrapServers(), "billing.events", Duration.ofSeconds(30),
                        records -> settledOf(records, f).size() >= 1).stream().map(r -> EventJson.readTree(r.value()))
                .filter(e -> e.get("type").asString().equals("billing.payment-settled.v1") && e.get("communityId").asString().equals(f.community.toString()))
                .toList();
        assertThat(settled).hasSize(1);
        assertThat(settled.getFirst().get("payload").get("channel").asString()).isEqualTo("WECHAT_PAY");
        assertThat(settled.getFirst().get("payload").get("revenueClass").asString()).isEqualTo("property_fee");
    }

    @Test
    void aForgedStaleOrForeignWechatNotificationIsRejectedAndSettlesNothing() {
        BillingFixture f = billed();
        JsonNode order = open(f, "WECHAT_PAY");
        String no = order.get("outTradeNo").asString();
        long amount = order.get("amountFen").asLong();
        int rejectedBefore = rejected();
        WechatPaySimulator.Notification genuine = WECHAT.paid(no, "4200000002" + suffix(), amount);
        WechatPaySimulator.Notification tampered = new WechatPaySimulator.Notification(genuine.headers(),
                genuine.body().replace("\"summary\":\"支付成功\"", "\"summary\":\"支付成功 \""));
        assertThat(postWechat(tampered).status()).isEqualTo(401);
        assertThat(postWechat(tampered).body()).contains("\"code\":\"FAIL\"");
        WechatPaySimulator.Notification stale = WECHAT.notification(no, "4200000003" + suffix(), amount, "SUCCESS", WECHAT.mchid(),
                Instant.now().minus(Duration.ofMinutes(6)));
        assertThat(postWechat(stale).status()).isEqualTo(401);
        WechatPaySimulator.Notification otherMerchant = WECHAT.notification(no, "4200000004" + suffix(), amount, "SUCCESS", "1900009999", Instant.now());
        assertThat(postWechat(otherMerchant).status()).isEqualTo(401);
        WechatPaySimulator.Notification otherKey = new WechatPaySimulator("1900000001", "wx0000000000commonhold").paid(no, "4200000005" + suffix(), amount);
        assertThat(postWechat(otherKey).status()).isEqualTo(401);
        assertThat(payments(f)).isZero();
        assertThat(rejected() - rejectedBefore).as("every rejected notification is kept for review").isEqualTo(5);
    }

    @Test
    void aWrongAmountIsNotSettledButHeldForReviewAndAnUnknownOrderIsRefusedSoTheChannelRetries() {
        BillingFixture f = billed();
        JsonNode order = open(f, "WECHAT_PAY");
        ApiResponse lower = postWechat(WECHAT.paid(order.get("outTradeNo").asString(), "4200000006" + suffix(), order.get("amountFen").asLong() - 1));
        assertThat(lower.status()).isEqualTo(204);
        assertThat(payments(f)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM channel_notification WHERE outcome = 'AMOUNT_MISMATCH' AND out_trade_no = ?", Integer.class,
                order.get("outTradeNo").asString())).isEqualTo(1);
        ApiResponse unknown = postWechat(WECHAT.paid("nosuchorder" + suffix(), "4200000007" + suffix(), 100));
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.body()).contains("FAIL");
    }

    @Test
    void alipaySuccessThenFinishedThenAResendSettleOnceAndAnOutOfOrderFinishedFirstToo() {
        BillingFixture f = billed();
        JsonNode order = open(f, "ALIPAY");
        String no = order.get("outTradeNo").asString();
        String yuan = AlipaySimulator.yuan(order.get("amountFen").asLong());
        String trade = "2026" + suffix();
        Map<String, String> finished = ALIPAY.notification(no, trade, yuan, "TRADE_FINISHED", "n2");
        Map<String, String> success = ALIPAY.notification(no, trade, yuan, "TRADE_SUCCESS", "n1");
        assertThat(postAlipay(finished).body()).isEqualTo("success"); // arrives first: settles
        assertThat(postAlipay(success).body()).isEqualTo("success");  // the earlier state, late: a duplicate
        assertThat(postAlipay(success).body()).isEqualTo("success");  // resent (rule PY2): a duplicate
        assertThat(payments(f)).isEqualTo(1);
        assertThat(f.invoices(f.owner.token(), 0).get(0).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void anAlipayNotificationWithABadSignatureOrAmountIsNotSettled() {
        BillingFixture f = billed();
        JsonNode order = open(f, "ALIPAY");
        String no = order.get("outTradeNo").asString();
        Map<String, String> genuine = ALIPAY.notification(no, "2026" + suffix(), AlipaySimulator.yuan(order.get("amountFen").asLong()), "TRADE_SUCCESS", "n3");
        Map<String, String> tampered = new TreeMap<>(genuine);
        tampered.put("total_amount", "0.01");
        assertThat(postAlipay(tampered).body()).isEqualTo("fail");
        Map<String, String> wrongAmount = ALIPAY.notification(no, "2026" + suffix(), "0.01", "TRADE_SUCCESS", "n4");
        assertThat(postAlipay(wrongAmount).body()).isEqualTo("success");
        Map<String, String> threeDecimals = ALIPAY.notification(no, "2026" + suffix(), "134.255", "TRADE_SUCCESS", "n5");
        assertThat(postAlipay(threeDecimals).body()).isEqualTo("fail");
        assertThat(payments(f)).isZero();
    }

    @Test
    void whenTwoChannelOrdersOfOneInvoiceAreBothPaidTheSecondBecomesVisibleCredit() {
        BillingFixture f = billed();
        JsonNode wechat = open(f, "WECHAT_PAY");
        JsonNode alipay = open(f, "ALIPAY"); // the resident gave up on WeChat Pay and opened Alipay — then both went through
        long amount = wechat.get("amountFen").asLong();
        assertThat(postAlipay(ALIPAY.paid(alipay.get("outTradeNo").asString(), "2026" + suffix(), amount)).body()).isEqualTo("success");
        assertThat(postWechat(WECHAT.paid(wechat.get("outTradeNo").asString(), "4200000008" + suffix(), amount)).status()).isEqualTo(204);
        assertThat(payments(f)).isEqualTo(2);
        assertThat(f.as(f.owner.token()).get(f.unitPath(0, "/credit")).json().get("balanceFen").asLong()).isEqualTo(amount);
        assertThat(jdbc.queryForObject("SELECT reason FROM credit_entry WHERE unit_id = ?", String.class, f.units.get(0)))
                .contains("after its invoices were settled otherwise");
    }

    @Test
    void aNotificationArrivingAfterTheOrderExpiredStillSettlesBecauseTheMoneyWasTaken() {
        BillingFixture f = billed();
        JsonNode order = open(f, "WECHAT_PAY");
        jdbc.update("UPDATE channel_order SET expires_at = now() - interval '1 day' WHERE id = ?::uuid", order.get("id").asString());
        assertThat(postWechat(WECHAT.paid(order.get("outTradeNo").asString(), "4200000009" + suffix(), order.get("amountFen").asLong())).status())
                .isEqualTo(204);
        assertThat(payments(f)).isEqualTo(1);
        assertThat(f.invoices(f.owner.token(), 0).get(0).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void anOversizedOrMalformedNotificationIsRefusedWithoutBeingReadOrKeptWhole() {
        byte[] huge = new byte[ChannelNotificationController.MAX_BODY + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        ApiResponse wechat = new Api("http://localhost:" + port).post("/api/billing/channels/wechat-pay/notifications", huge, "application/json");
        assertThat(wechat.status()).isEqualTo(413);
        assertThat(wechat.body()).contains("\"code\":\"FAIL\"");
        ApiResponse alipay = new Api("http://localhost:" + port).post("/api/billing/channels/alipay/notifications", huge, "application/x-www-form-urlencoded");
        assertThat(alipay.body()).isEqualTo("fail");
        assertThat(new Api("http://localhost:" + port).post("/api/billing/channels/alipay/notifications", "a=%zz&sign=%",
                "application/x-www-form-urlencoded").body()).isEqualTo("fail");
        assertThat(jdbc.queryForObject("SELECT max(length(raw)) FROM channel_notification", Integer.class)).isLessThan(8 * 1024);
    }

    @Test
    void notificationsNeedNoTokenButOrdersDo() {
        BillingFixture f = billed();
        assertThat(f.api.post(f.unitPath(0, "/channel-orders"), Map.of("channel", "ALIPAY")).status()).isEqualTo(401);
        assertThat(f.as(f.owner.token()).post(f.unitPath(1, "/channel-orders"), Map.of("channel", "ALIPAY")).status()).isEqualTo(404);
        ApiResponse badChannel = f.as(f.owner.token()).post(f.unitPath(0, "/channel-orders"), Map.of("channel", "PAYPAL"));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
    }

    @Test
    void aVisitorPaysAParkingFeeAtTheExitWithNoLogin_onlyAPlatesOpenChargeCanBePaidSo_andItSettlesOnce() {
        BillingFixture f = billed();
        UUID chargeId = UUID.randomUUID();
        Map<String, Object> charge = new java.util.LinkedHashMap<>(Map.of("chargeId", chargeId.toString(), "communityId", f.community.toString(),
                "payer", Map.of("kind", "plate", "reference", "京A12345"), "revenueClass", "parking_common", "amountFen", 1400, "currency", "CNY",
                "dueOn", "2026-12-31", "description", "临时停车费 京A·12345", "sourceReference", "parking:session:" + chargeId));
        dev.commonhold.billing.support.RegisterOnKafka.send(List.of(dev.commonhold.billing.support.RegisterOnKafka.envelope("parking.charge-raised.v1",
                f.community, chargeId, charge)));
        String payAtExit = f.path("/charges/" + chargeId + "/channel-orders");
        Api driver = new Api("http://localhost:" + port);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> driver.post(payAtExit, Map.of("channel", "WECHAT_PAY")).status() == 201);
        JsonNode order = driver.post(payAtExit, Map.of("channel", "WECHAT_PAY")).json();
        assertThat(order.get("amountFen").asLong()).isEqualTo(1400);
        assertThat(order.get("unitId").isNull()).isTrue();
        assertThat(driver.post(payAtExit, Map.of("channel", "WECHAT_PAY")).json().get("outTradeNo").asString())
                .as("scanned again: the same order, so the fee cannot be paid twice").isEqualTo(order.get("outTradeNo").asString());
        ApiResponse otherChannel = driver.post(payAtExit, Map.of("channel", "ALIPAY"));
        assertThat(otherChannel.status()).isEqualTo(409);
        assertThat(otherChannel.json().get("detail").asString()).contains("WECHAT_PAY");
        assertThat(f.as(f.staff()).get(f.path("/channel-orders/" + order.get("id").asString())).json().get("amountFen").asLong())
                .as("the operator's staff see a plate's order").isEqualTo(1400);

        WechatPaySimulator.Notification paid = WECHAT.paid(order.get("outTradeNo").asString(), "4200000009" + suffix(), 1400);
        assertThat(postWechat(paid).status()).isEqualTo(204);
        assertThat(postWechat(paid).status()).as("the resend").isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlement s JOIN invoice_line l ON l.id = s.line_id WHERE l.charge_id = ?",
                Integer.class, chargeId)).isEqualTo(1);
        assertThat(driver.post(payAtExit, Map.of("channel", "WECHAT_PAY")).status()).as("nothing is open any more").isEqualTo(404);

        UUID permitCharge = UUID.randomUUID();
        Map<String, Object> household = new java.util.LinkedHashMap<>(charge);
        household.put("chargeId", permitCharge.toString());
        household.put("payer", Map.of("kind", "unit", "unitId", f.units.get(0).toString(), "reference", "1号楼-101"));
        dev.commonhold.billing.support.RegisterOnKafka.send(List.of(dev.commonhold.billing.support.RegisterOnKafka.envelope("parking.charge-raised.v1",
                f.community, permitCharge, household)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM invoice_line WHERE charge_id = ?", Integer.class, permitCharge) == 1);
        assertThat(driver.post(f.path("/charges/" + permitCharge + "/channel-orders"), Map.of("channel", "WECHAT_PAY")).status())
                .as("a household's fee is never payable, nor its amount shown, without a login").isEqualTo(404);
        assertThat(driver.post(payAtExit, Map.of("channel", "PAYPAL")).status()).isEqualTo(400);
    }

    @Test
    void aCommerceOrdersMerchantPartAndCommissionArePaidInOneChannelOrderAndEachSettlesAsItsOwnLine() {
        BillingFixture f = billed();
        UUID merchantPart = UUID.randomUUID();
        UUID commission = UUID.randomUUID();
        List<dev.commonhold.platform.messaging.EventEnvelope> raised = new java.util.ArrayList<>();
        for (Object[] c : new Object[][]{{merchantPart, "merchant_proceeds", 1104}, {commission, "commerce_commission", 96}}) {
            Map<String, Object> charge = new java.util.LinkedHashMap<>(Map.of("chargeId", c[0].toString(), "communityId", f.community.toString(),
                    "payer", Map.of("kind", "customer", "reference", "DD20261201000001", "name", "王**"), "revenueClass", c[1], "amountFen", c[2],
                    "currency", "CNY", "dueOn", "2026-12-31", "description", "长者午餐套餐 ×1", "sourceReference", "commerce:order:DD20261201000001"));
            raised.add(dev.commonhold.billing.support.RegisterOnKafka.envelope("commerce.charge-raised.v1", f.community, (UUID) c[0], charge));
        }
        dev.commonhold.billing.support.RegisterOnKafka.send(raised);
        String pay = f.path("/charges/" + merchantPart + "/channel-orders");
        Map<String, Object> both = Map.of("channel", "WECHAT_PAY", "withChargeIds", List.of(commission.toString()));
        Api buyer = new Api("http://localhost:" + port);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> buyer.post(pay, both).status() == 201);
        JsonNode order = buyer.post(pay, both).json();
        assertThat(order.get("amountFen").asLong()).as("the order's two charges in one payment").isEqualTo(1200);
        assertThat(buyer.post(pay, Map.of("channel", "WECHAT_PAY")).status()).as("a set that shares a charge with the open order").isEqualTo(409);

        assertThat(postWechat(WECHAT.paid(order.get("outTradeNo").asString(), "4200000011" + suffix(), 1200)).status()).isEqualTo(204);
        assertThat(jdbc.queryForList("SELECT l.charge_id FROM settlement s JOIN invoice_line l ON l.id = s.line_id WHERE l.charge_id IN (?, ?)",
                UUID.class, merchantPart, commission)).as("one settled line per class").containsExactlyInAnyOrder(merchantPart, commission);
    }

    private BillingFixture billed() {
        BillingFixture f = new BillingFixture(port, 2);
        f.putPlan();
        f.bill("2026-12");
        return f;
    }

    private JsonNode open(BillingFixture f, String channel) {
        ApiResponse opened = f.as(f.owner.token()).post(f.unitPath(0, "/channel-orders"), Map.of("channel", channel));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }

    private ApiResponse postWechat(WechatPaySimulator.Notification n) {
        Api api = new Api("http://localhost:" + port);
        for (Map.Entry<String, String> h : n.headers().entrySet()) {
            api = api.header(h.getKey(), h.getValue());
        }
        return api.post("/api/billing/channels/wechat-pay/notifications", n.body().getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private ApiResponse postAlipay(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return new Api("http://localhost:" + port).post("/api/billing/channels/alipay/notifications", body, "application/x-www-form-urlencoded");
    }

    private int payments(BillingFixture f) {
        return jdbc.queryForObject("SELECT count(*) FROM payment WHERE community_id = ?", Integer.class, f.community);
    }

    private int rejected() {
        return jdbc.queryForObject("SELECT count(*) FROM channel_notification WHERE outcome = 'REJECTED'", Integer.class);
    }

    private static List<?> settledOf(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records, BillingFixture f) {
        return records.stream().filter(r -> r.value().contains(f.community.toString()) && r.value().contains("payment-settled")).toList();
    }

    private static String suffix() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }
}
