package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The demo community's value-added services: the elderly canteen (幸福餐桌, a common-part room: its
 * commission is the owners'; Beijing's meal subsidy for the elderly) with its login "merchant", the
 * express lockers (commission shared with the operator) and the home-repair service. The demo
 * resident's birth date is checked, so their meals are subsidised; two elderly people were served at
 * the counter and paid in cash, the canteen settled (T+0) and the subsidy claimed; a parcel waits in
 * a locker for the resident.
 */
final class DemoCommerce {

    static final String CANTEEN = "劲松北幸福餐桌（长者食堂）";
    static final String MEAL = "长者午餐（两荤一素）";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Api staff;
    private final Progress progress;
    /** Billing's answer to each cash payment, by charge: what a seed that times out waiting for commerce reports. */
    private final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();

    DemoCommerce(Api staff, Progress progress) {
        this.staff = staff;
        this.progress = progress;
    }

    void seed(String community) {
        String path = "/api/commerce/communities/" + community;
        awaitCommunity(path);
        if (!expect(staff.get(path + "/merchants"), 200).isEmpty()) {
            return;
        }
        String canteen = merchant(path, CANTEEN, "91110105MA01CANTN", "merchant", 0, 500, 0, 10_000);
        String meal = offering(path, canteen, Map.of("kind", "MEAL", "name", MEAL, "priceFen", 1_800, "eligibility", "ELDERLY", "minAge", 60,
                "capacityPerDay", 80, "opensAt", "06:30", "closesAt", "20:00"));
        offering(path, canteen, Map.of("kind", "MEAL", "name", "社区午餐（居民）", "priceFen", 2_200, "eligibility", "RESIDENTS",
                "capacityPerDay", 40, "opensAt", "06:30", "closesAt", "20:00"));
        offering(path, canteen, Map.of("kind", "ELDERLY_CARE", "name", "日间照料（半天）", "priceFen", 6_000, "eligibility", "ELDERLY", "minAge", 60,
                "capacityPerDay", 12, "opensAt", "08:00", "closesAt", "17:30"));
        String lockers = merchant(path, "丰巢智能快递柜（劲松北）", "91440300MA5DLOCKR", null, 1, 1_000, 0, 5_000);
        String bank = offering(path, lockers, Map.of("kind", "LOCKER_STORAGE", "name", "3号楼快递柜", "priceFen", 0, "eligibility", "RESIDENTS",
                "stock", 60, "opensAt", "00:00", "closesAt", "23:59:59", "locker", Map.of("freeHours", 24, "fenPerStartedDay", 100, "capFen", 500)));
        String repair = merchant(path, "劲松便民维修服务部", "92110105MA01REPAR", null, 1, 800, 0, 10_000);
        offering(path, repair, Map.of("kind", "HOME_SERVICE", "name", "水电维修上门（一小时内）", "priceFen", 5_000, "eligibility", "RESIDENTS",
                "capacityPerDay", 8, "opensAt", "08:00", "closesAt", "20:00"));
        expect(staff.post(path + "/elders", Map.of("login", "resident", "name", "王秀英", "birthDate", "1952-05-18")), 201);
        progress.say("commerce: a canteen with the elderly meal subsidy, a locker bank, a home-repair service");

        LocalDate today = LocalDate.now(ZONE);
        boolean open = LocalTime.now(ZONE).isBefore(LocalTime.of(20, 0)) && LocalTime.now(ZONE).isAfter(LocalTime.of(6, 30));
        LocalDate serviceDay = open ? today : today.plusDays(1);
        for (Object[] person : new Object[][]{{"李淑珍", "1944-02-10"}, {"赵国强", "1958-09-03"}}) {
            JsonNode order = expect(key().post(path + "/counter-orders", Map.of("offeringId", meal, "quantity", 1, "serviceDate", serviceDay.toString(),
                    "buyerName", person[0], "buyerBirthDate", person[1])), 201);
            payInCash(path, order);
            awaitPaid(path, order.get("id").asString());
            if (open) {
                expect(staff.post(path + "/orders/" + order.get("id").asString() + "/fulfilment", Map.of()), 200);
            }
        }
        expect(staff.post(path + "/settlements", Map.of("merchantId", canteen)), 200);
        if (open) {
            expect(staff.post(path + "/subsidy-claims", Map.of("from", today.withDayOfMonth(1).toString(), "through", today.toString())), 201);
        }
        expect(staff.post(path + "/lockers/" + bank + "/parcels", Map.of("recipientLogin", "resident", "recipientName", "王秀英", "compartment", "B07")),
                201);
        progress.say("commerce: two elderly diners served at the counter, the canteen settled, a parcel waiting for the resident");
    }

    private String merchant(String path, String name, String first17, String login, int delay, int rateBp, long fixed, int communityShare) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "licenceNumber", DemoLeasing.creditCode(first17), "settlementBank",
                "北京银行劲松支行", "settlementAccount", "6214830100" + Math.abs(name.hashCode() % 1_000_000), "settlementDelayDays", delay,
                "commission", Map.of("rateBasisPoints", rateBp, "fixedFenPerOrder", fixed, "communityShareBasisPoints", communityShare)));
        if (login != null) {
            body.put("login", login);
        }
        return expect(staff.post(path + "/merchants", body), 201).get("id").asString();
    }

    private String offering(String path, String merchant, Map<String, Object> body) {
        return expect(staff.post(path + "/merchants/" + merchant + "/offerings", body), 201).get("id").asString();
    }

    /** The diner pays at the counter in cash: each of the order's charges, once billing has it. */
    private void payInCash(String path, JsonNode order) {
        String billing = path.replace("/api/commerce/", "/api/billing/");
        for (JsonNode charge : order.get("charges")) {
            String pay = billing + "/charges/" + charge.get("chargeId").asString() + "/payments";
            Map<String, Object> body = Map.of("amountFen", charge.get("amountFen").asLong(), "method", "CASH",
                    "receiptNumber", "DEMO-" + order.get("number").asString() + "-" + charge.get("revenueClass").asString().charAt(0));
            long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
            ApiResponse paid;
            while ((paid = key().post(pay, body)).status() == 404 && System.nanoTime() < deadline) {
                sleep(); // billing has not invoiced the charge yet
            }
            answers.put(charge.get("chargeId").asString(), paid.status() + " " + paid.body().substring(0, Math.min(160, paid.body().length())));
            if (paid.status() != 409) { // 409: paid already (a retry): nothing to do
                expect(paid, 201);
            }
        }
    }

    private void awaitPaid(String path, String order) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        JsonNode seen;
        while (!"PAID".equals((seen = expect(staff.get(path + "/orders/" + order), 200)).get("status").asString())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("commerce did not learn of the demo order's payment within " + DemoSeed.EVENT_WAIT.toSeconds() + " s (its charges as commerce sees them: "
                        + seen.get("charges") + "; billing answered the cash payments: " + answers + "); see .devstack/logs/commerce.log and billing.log");
            }
            sleep();
        }
    }

    private Api key() {
        return staff.header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private void awaitCommunity(String path) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        while (staff.get(path + "/merchants").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("commerce did not learn of the demo community within " + DemoSeed.EVENT_WAIT.toSeconds() + " s; see .devstack/logs/commerce.log");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the demo commerce failed: " + response);
        }
        return response.json();
    }
}
