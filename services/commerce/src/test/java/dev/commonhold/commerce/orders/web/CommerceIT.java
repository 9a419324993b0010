package dev.commonhold.commerce.orders.web;

import dev.commonhold.commerce.orders.app.UnpaidOrders;
import dev.commonhold.commerce.support.CommerceFixture;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.commonhold.commerce.support.CommerceFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** Commerce through its API on real PostgreSQL and Kafka: the money of an order to the fen, the seats under concurrency, who sees what. */
@IntegrationTest
@TestPropertySource(properties = "commerce.sweep.first=PT1H") // the test releases unpaid orders itself
class CommerceIT {

    @LocalServerPort
    int port;

    @Autowired
    UnpaidOrders unpaid;

    @Autowired
    JdbcTemplate jdbc;

    CommerceFixture f;
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void community() {
        f = new CommerceFixture(port).registered();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        Map<String, Object> badLicence = new HashMap<>(Map.of("name", "某商户", "licenceNumber", "91440300MA5FABCDE0", "settlementBank", "中国银行",
                "settlementAccount", "6217850000012345678", "settlementDelayDays", 1,
                "commission", Map.of("rateBasisPoints", 800, "fixedFenPerOrder", 0, "communityShareBasisPoints", 10_000)));
        assertThat(field(expect(f.as(f.staff).post(f.path() + "/merchants", badLicence), 400))).isEqualTo("licenceNumber");
        badLicence.put("commission", Map.of("rateBasisPoints", 10_001, "fixedFenPerOrder", 0, "communityShareBasisPoints", 10_000));
        assertThat(field(expect(f.as(f.staff).post(f.path() + "/merchants", badLicence), 400))).isEqualTo("commission.rateBasisPoints");
        assertThat(expect(f.as(f.staff).get(f.path() + "/merchants"), 200)).as("nothing stored").isEmpty();

        String canteen = f.merchant("幸福长者食堂", f.merchantLogin, 10_000);
        String meal = f.meal(canteen, 10);
        assertThat(field(expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 0)), 400))).isEqualTo("quantity");
        assertThat(field(expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", UUID.randomUUID().toString(), "quantity", 1)), 400)))
                .isEqualTo("offeringId");
        assertThat(field(expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1,
                "serviceDate", today.minusDays(1).toString())), 400))).isEqualTo("serviceDate");
        JsonNode notEligible = expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)), 422);
        assertThat(notEligible.get("detail").asString()).as("says what to do next").contains("ask at the counter");
        assertThat(expect(f.as(f.staff).get(f.path() + "/orders"), 200)).as("nothing stored").isEmpty();
        assertThat(seatsLeft(meal)).isEqualTo(10);
    }

    @Test
    void anElderlyResidentsMealIsSubsidisedPaidServedSettledAndClaimedToTheFen() {
        String canteen = f.merchant("幸福长者食堂", f.merchantLogin, 10_000);
        String meal = f.meal(canteen, 10);
        expect(f.as(f.staff).post(f.path() + "/elders", Map.of("login", f.residentLogin, "name", "王秀英", "birthDate", "1950-03-12")), 201);

        JsonNode order = expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)), 201);
        JsonNode price = order.get("price");
        assertThat(List.of(price.get("grossFen").asLong(), price.get("subsidyFen").asLong(), price.get("payerFen").asLong(),
                price.get("communityCommissionFen").asLong(), price.get("merchantFen").asLong()))
                .as("15.00 meal, 3.00 Shenzhen subsidy at 76, 8% of the 12.00 paid to the community").containsExactly(1_500L, 300L, 1_200L, 96L, 1_104L);
        assertThat(order.get("payment").get("dueFen").asLong()).isEqualTo(1_200);
        assertThat(order.get("payment").get("chargeIds")).hasSize(2);
        List<JsonNode> charges = f.published("commerce.charge-raised.v1", 2);
        assertThat(charges).extracting(c -> c.get("revenueClass").asString() + "=" + c.get("amountFen").asLong())
                .containsExactlyInAnyOrder("commerce_commission=96", "merchant_proceeds=1104");
        assertThat(charges.getFirst().get("payer").get("name").asString()).as("the buyer masked in events").isEqualTo("王**");

        JsonNode paid = f.pay(f.resident, order);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(f.published("commerce.order-paid.v1", 1).getFirst().get("subsidyFen").asLong()).isEqualTo(300);
        expect(f.as(f.merchant).post(f.path() + "/orders/" + order.get("id").asString() + "/fulfilment", Map.of()), 200);

        JsonNode settlements = expect(f.as(f.staff).post(f.path() + "/settlements", Map.of()), 200);
        assertThat(settlements).hasSize(1);
        JsonNode s = settlements.get(0);
        assertThat(List.of(s.get("grossFen").asLong(), s.get("subsidyFen").asLong(), s.get("refundsFen").asLong(), s.get("commissionFen").asLong(),
                s.get("netFen").asLong(), s.get("payoutFen").asLong())).containsExactly(1_500L, 300L, 0L, 96L, 1_404L, 1_104L);
        assertThat(expect(f.as(f.staff).post(f.path() + "/settlements", Map.of()), 200)).as("run again: nothing new").isEmpty();
        assertThat(expect(f.as(f.merchant).get(f.path() + "/settlements"), 200)).as("the merchant sees its statement").hasSize(1);
        assertThat(f.published("commerce.settlement-issued.v1", 1).getFirst().get("payoutFen").asLong()).isEqualTo(1_104);

        JsonNode claim = expect(f.as(f.staff).post(f.path() + "/subsidy-claims", Map.of("from", today.withDayOfMonth(1).toString(),
                "through", today.toString())), 201);
        assertThat(claim.get("totalFen").asLong()).isEqualTo(300);
        JsonNode evidence = expect(f.as(f.streetOffice).get(f.path() + "/subsidy-claims/" + claim.get("id").asString()), 200);
        JsonNode line = evidence.get("orders").get(0);
        assertThat(line.get("number").asString()).isEqualTo(order.get("number").asString());
        assertThat(line.get("buyerName").asString()).as("the street office sees the name masked").isEqualTo("王**");
        assertThat(line.get("age").asInt()).isEqualTo(java.time.Period.between(LocalDate.of(1950, 3, 12), today).getYears());
        assertThat(line.get("ageVerifiedBy").asString()).isEqualTo("staff");
        ApiResponse csv = f.as(f.streetOffice).get(f.path() + "/subsidy-claims/" + claim.get("id").asString() + "/evidence.csv");
        assertThat(csv.body()).contains(order.get("number").asString()).contains("3.00").contains("服务对象");
        assertThat(f.as(f.staff).post(f.path() + "/subsidy-claims", Map.of("from", today.toString(), "through", today.toString())).status())
                .as("an order is claimed once").isEqualTo(409);
        assertThat(f.as(f.otherStreetOffice).get(f.path() + "/subsidy-claims").status()).as("another district's street office").isEqualTo(404);
        assertThat(f.as(f.resident).get(f.path() + "/subsidy-claims").status()).isEqualTo(403);
    }

    /** One subsidised meal a person a day, however they order: in the app under their login, or at the counter under their name. */
    @Test
    void theSubsidyIsThePersonsWhetherTheyOrderInTheAppOrAtTheCounter() {
        String canteen = f.merchant("长者食堂（补贴）", f.merchantLogin, 10_000);
        String meal = f.meal(canteen, 10);
        expect(f.as(f.staff).post(f.path() + "/elders", Map.of("login", f.residentLogin, "name", "赵桂芝", "birthDate", "1948-07-01")), 201);
        JsonNode inTheApp = expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)), 201);

        JsonNode atTheCounter = expect(f.as(f.staff).post(f.path() + "/counter-orders", Map.of("offeringId", meal, "quantity", 1,
                "buyerName", "赵桂芝", "buyerBirthDate", "1948-07-01")), 201);
        JsonNode someoneElse = expect(f.as(f.staff).post(f.path() + "/counter-orders", Map.of("offeringId", meal, "quantity", 1,
                "buyerName", "赵桂芝", "buyerBirthDate", "1949-07-01")), 201);

        assertThat(inTheApp.get("price").get("subsidyFen").asLong()).isEqualTo(300);
        assertThat(atTheCounter.get("price").get("subsidyFen").asLong()).as("the same person, the same day, at the counter").isZero();
        assertThat(someoneElse.get("price").get("subsidyFen").asLong()).as("the same name, another birth date: another person").isEqualTo(300);
    }

    @Test
    void aRefundAfterSettlementIsTakenFromTheNextSettlementAndCarriedWhenNothingCoversIt() {
        String canteen = f.merchant("社区食堂", f.merchantLogin, 5_000);
        String meal = f.meal(canteen, 20);
        JsonNode order = expect(f.as(f.staff).post(f.path() + "/counter-orders", Map.of("offeringId", meal, "quantity", 2, "buyerName", "李建国",
                "buyerBirthDate", "1944-06-01")), 201);
        assertThat(order.get("price").get("subsidyFen").asLong()).as("80 or older: 5.00 for one meal a day, the second paid in full").isEqualTo(500);
        assertThat(order.get("price").get("payerFen").asLong()).isEqualTo(2_500);
        assertThat(order.get("price").get("communityCommissionFen").asLong() + order.get("price").get("operatorCommissionFen").asLong())
                .isEqualTo(200);
        f.pay(f.staff, order);
        String id = order.get("id").asString();
        assertThat(expect(f.as(f.staff).post(f.path() + "/settlements", Map.of()), 200)).as("paid, not yet served: not settled").isEmpty();
        expect(f.as(f.merchant).post(f.path() + "/orders/" + id + "/fulfilment", Map.of()), 200);
        JsonNode first = expect(f.as(f.staff).post(f.path() + "/settlements", Map.of()), 200).get(0);
        assertThat(first.get("payoutFen").asLong()).isEqualTo(2_300);

        JsonNode refunded = expect(f.as(f.merchant).post(f.path() + "/orders/" + id + "/refunds", Map.of("amountFen", 2_000, "reason", "菜品未送达")), 201);
        assertThat(refunded.get("refundedFen").asLong()).isEqualTo(2_000);
        assertThat(field(expect(f.as(f.merchant).post(f.path() + "/orders/" + id + "/refunds", Map.of("amountFen", 501, "reason", "再退")), 400)))
                .as("one fen more than is left of what was paid").isEqualTo("amountFen");
        JsonNode event = f.published("commerce.order-refunded.v1", 1).getFirst();
        assertThat(event.get("communityCommissionFen").asLong() + event.get("operatorCommissionFen").asLong() + event.get("merchantFen").asLong())
                .isEqualTo(2_000);

        JsonNode carried = expect(f.as(f.staff).post(f.path() + "/settlements", Map.of()), 200).get(0);
        assertThat(List.of(carried.get("orders").asInt(), carried.get("refunds").asInt(), carried.get("refundsFen").asLong(),
                carried.get("commissionFen").asLong(), carried.get("payoutFen").asLong(), carried.get("carriedOutFen").asLong()))
                .containsExactly(0, 1, 2_000L, -160L, 0L, -1_840L);

        JsonNode again = expect(f.as(f.staff).post(f.path() + "/counter-orders", Map.of("offeringId", meal, "quantity", 1, "buyerName", "李建国",
                "buyerBirthDate", "1944-06-01")), 201);
        assertThat(again.get("price").get("subsidyFen").asLong()).as("his subsidised meal of the day is taken").isZero();
        expect(f.as(f.staff).post(f.path() + "/orders/" + again.get("id").asString() + "/cancellation", Map.of("reason", "点错了")), 200);
        JsonNode next = expect(f.as(f.staff).post(f.path() + "/counter-orders", Map.of("offeringId", meal, "quantity", 2, "buyerName", "王淑芬",
                "buyerBirthDate", "1943-01-20")), 201);
        f.pay(f.staff, next);
        expect(f.as(f.staff).post(f.path() + "/orders/" + next.get("id").asString() + "/fulfilment", Map.of()), 200);
        JsonNode after = expect(f.as(f.staff).post(f.path() + "/settlements", Map.of()), 200).get(0);
        assertThat(List.of(after.get("carriedInFen").asLong(), after.get("payoutFen").asLong(), after.get("carriedOutFen").asLong()))
                .as("the carried refund taken from the next sale to the fen").containsExactly(-1_840L, 460L, 0L);
    }

    @Test
    void fiftyConcurrentOrdersForTheLastTenSeatsExactlyTenSucceed() throws Exception {
        String canteen = f.merchant("幸福长者食堂", f.merchantLogin, 10_000);
        String meal = expect(f.as(f.staff).post(f.path() + "/merchants/" + canteen + "/offerings", Map.of("kind", "MEAL", "name", "社区午餐",
                "priceFen", 1_200, "eligibility", "RESIDENTS", "capacityPerDay", 10, "opensAt", "00:00", "closesAt", "23:59:59")), 201)
                .get("id").asString();
        List<Callable<ApiResponse>> tries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tries.add(() -> f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)));
        }
        List<ApiResponse> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<ApiResponse> answer : pool.invokeAll(tries)) {
                answers.add(answer.get());
            }
        }
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(10);
        List<ApiResponse> refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertThat(refused).hasSize(40).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.json().get("detail").asString()).contains("only 0 left");
        });
        assertThat(seatsLeft(meal)).isZero();
        assertThat(expect(f.as(f.staff).get(f.path() + "/orders"), 200)).hasSize(10);
    }

    @Test
    void anUnpaidOrderGivesItsSeatBackAndAPaymentArrivingAfterIsRefundedWhole() {
        String canteen = f.merchant("幸福长者食堂", f.merchantLogin, 10_000);
        String meal = expect(f.as(f.staff).post(f.path() + "/merchants/" + canteen + "/offerings", Map.of("kind", "MEAL", "name", "社区午餐",
                "priceFen", 1_200, "eligibility", "ANYONE", "capacityPerDay", 1, "opensAt", "00:00", "closesAt", "23:59:59")), 201)
                .get("id").asString();
        JsonNode order = expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)), 201);
        assertThat(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)).status()).isEqualTo(409);
        jdbc.update("UPDATE customer_order SET pay_by = now() - interval '1 minute' WHERE id = ?::uuid", order.get("id").asString());
        assertThat(unpaid.releaseUnpaid()).isEqualTo(1);
        JsonNode cancelled = expect(f.as(f.resident).get(f.path() + "/orders/" + order.get("id").asString()), 200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(seatsLeft(meal)).isEqualTo(1);
        assertThat(cancelled.get("charges").valueStream().noneMatch(c -> c.get("cancelled").asBoolean()))
                .as("its charges stay payable a while: a payment under way lands on them").isTrue();

        JsonNode changedMind = expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)), 201);
        expect(f.as(f.resident).post(f.path() + "/orders/" + changedMind.get("id").asString() + "/cancellation", Map.of("reason", "不吃了")), 200);
        jdbc.update("UPDATE customer_order SET cancelled_at = now() - interval '16 minutes' WHERE id = ?::uuid", changedMind.get("id").asString());
        unpaid.releaseUnpaid();
        assertThat(f.published("commerce.charge-cancelled.v1", 1)).as("then cancelled in billing").isNotEmpty()
                .allMatch(c -> changedMind.get("payment").get("chargeIds").valueStream().anyMatch(id -> id.asString().equals(c.get("chargeId").asString())));

        order.get("charges").forEach(c -> f.settled(c.get("chargeId").asString(), c.get("revenueClass").asString(), c.get("amountFen").asLong()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                expect(f.as(f.resident).get(f.path() + "/orders/" + order.get("id").asString()), 200).get("refundedFen").asLong() == 1_200);
        assertThat(f.published("commerce.order-refunded.v1", 2)).as("one refund per charge paid after the cancellation").hasSize(2);
    }

    @Test
    void aLockerParcelIsFreeWithinItsHoursAndOpensOnlyWhenItsOverdueFeeIsPaid() {
        String lockers = f.merchant("丰巢快递柜", "locker-" + f.community.toString().substring(0, 8), 10_000);
        String bank = expect(f.as(f.staff).post(f.path() + "/merchants/" + lockers + "/offerings", Map.of("kind", "LOCKER_STORAGE", "name", "3号楼快递柜",
                "priceFen", 0, "eligibility", "RESIDENTS", "stock", 2, "opensAt", "00:00", "closesAt", "23:59:59",
                "locker", Map.of("freeHours", 24, "fenPerStartedDay", 100, "capFen", 500))), 201).get("id").asString();
        JsonNode early = expect(f.as(f.staff).post(f.path() + "/lockers/" + bank + "/parcels", Map.of("recipientLogin", f.residentLogin,
                "recipientName", "王秀英", "compartment", "A03")), 201);
        JsonNode late = expect(f.as(f.staff).post(f.path() + "/lockers/" + bank + "/parcels", Map.of("recipientLogin", f.residentLogin,
                "recipientName", "王秀英", "compartment", "A04")), 201);
        assertThat(f.as(f.staff).post(f.path() + "/lockers/" + bank + "/parcels", Map.of("recipientLogin", f.residentLogin, "recipientName", "王秀英"))
                .status()).as("every compartment taken").isEqualTo(409);

        assertThat(expect(f.as(f.resident).post(f.path() + "/orders/" + early.get("id").asString() + "/collection", Map.of()), 200)
                .get("status").asString()).isEqualTo("FULFILLED");
        jdbc.update("UPDATE customer_order SET stored_at = now() - interval '50 hours' WHERE id = ?::uuid", late.get("id").asString());
        JsonNode owing = expect(f.as(f.resident).post(f.path() + "/orders/" + late.get("id").asString() + "/collection", Map.of()), 200);
        assertThat(owing.get("status").asString()).isEqualTo("PLACED");
        assertThat(owing.get("payment").get("dueFen").asLong()).as("26 hours over: two started days").isEqualTo(200);
        assertThat(f.as(f.resident).post(f.path() + "/orders/" + late.get("id").asString() + "/cancellation", Map.of("reason", "不想付")).status())
                .as("a parcel's fee is not cancelled away: the parcel is still inside").isEqualTo(409);
        assertThat(f.pay(f.resident, owing).get("status").asString()).as("opens once paid").isEqualTo("FULFILLED");
        assertThat(expect(f.as(f.staff).get(f.path() + "/offerings"), 200).valueStream().filter(o -> o.get("id").asString().equals(bank))
                .findFirst().orElseThrow().get("stock").asInt()).as("both compartments free again").isEqualTo(2);
    }

    @Test
    void eachSeesOnlyWhatIsTheirs() {
        String canteen = f.merchant("幸福长者食堂", f.merchantLogin, 10_000);
        String other = f.merchant("家政服务社", null, 10_000);
        String meal = expect(f.as(f.staff).post(f.path() + "/merchants/" + canteen + "/offerings", Map.of("kind", "MEAL", "name", "社区午餐",
                "priceFen", 1_200, "eligibility", "ANYONE", "opensAt", "00:00", "closesAt", "23:59:59")), 201).get("id").asString();
        String repair = expect(f.as(f.staff).post(f.path() + "/merchants/" + other + "/offerings", Map.of("kind", "HOME_SERVICE", "name", "水电维修上门",
                "priceFen", 5_000, "eligibility", "RESIDENTS", "opensAt", "08:00", "closesAt", "23:59:59")), 201).get("id").asString();
        JsonNode lunch = expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)), 201);
        expect(f.as(f.resident).post(f.path() + "/orders", Map.of("offeringId", repair, "quantity", 1)), 201);

        assertThat(expect(f.as(f.merchant).get(f.path() + "/orders"), 200)).as("the canteen sees its order only").hasSize(1);
        assertThat(expect(f.as(f.merchant).get(f.path() + "/merchants"), 200)).hasSize(1);
        assertThat(expect(f.as(f.resident).get(f.path() + "/merchants"), 200).get(0).get("settlementAccount").asString())
                .as("a resident sees the account masked").startsWith("****");
        assertThat(f.as(f.resident).post(f.path() + "/orders/" + lunch.get("id").asString() + "/fulfilment", Map.of()).status()).isEqualTo(403);
        assertThat(f.as(f.otherStaff).get(f.path() + "/orders").status()).as("another operator").isEqualTo(404);
        assertThat(f.as(f.otherResident).get(f.path() + "/orders/" + lunch.get("id").asString()).status()).as("another community's token").isEqualTo(404);
        assertThat(f.as(f.otherResident).post(f.path() + "/orders", Map.of("offeringId", meal, "quantity", 1)).status()).isEqualTo(404);
        JsonNode masked = expect(f.as(f.streetOffice).get(f.path() + "/orders"), 200);
        assertThat(masked).hasSize(2);
        assertThat(masked.get(0).get("buyerLogin").isNull()).as("a regulator sees no login").isTrue();
        assertThat(f.as(f.merchant).post(f.path() + "/counter-orders", Map.of("offeringId", meal, "quantity", 1, "buyerName", "张三")).status())
                .as("a merchant is not the operator's counter").isEqualTo(404);
        JsonNode paid = f.pay(f.resident, lunch);
        String lunchPath = f.path() + "/orders/" + paid.get("id").asString();
        assertThat(List.of(f.as(f.platform).post(lunchPath + "/refunds", Map.of("amountFen", 1, "reason", "x")).status(),
                f.as(f.platform).post(lunchPath + "/fulfilment", Map.of()).status(),
                f.as(f.platform).post(lunchPath + "/cancellation", Map.of("reason", "x")).status()))
                .as("a platform admin reads, and moves no money").containsOnly(403);
        assertThat(expect(f.as(f.platform).get(lunchPath), 200).get("refundedFen").asLong()).isZero();
        assertThat(field(expect(f.as(f.staff).get(f.path() + "/offerings?date=+999999999-12-31"), 400))).isEqualTo("date");
    }

    private int seatsLeft(String offering) {
        return expect(f.as(f.staff).get(f.path() + "/offerings"), 200).valueStream().filter(o -> o.get("id").asString().equals(offering)).findFirst()
                .orElseThrow().get("seatsLeft").asInt();
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}
