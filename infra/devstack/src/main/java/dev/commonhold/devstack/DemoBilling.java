package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fee collection for the demo community, through the gateway as the operator: a fee plan, last
 * month's and this month's property fees billed, last month paid at the counter by the households
 * of 1号楼–2号楼 (the rest overdue), this month open — the resident pays it through the simulator.
 * Each step is skipped when done, so a restart changes nothing.
 */
final class DemoBilling {

    static final List<String> PAID_BUILDINGS = List.of("1号楼", "2号楼");
    private static final String COMMUNITIES = "/api/community/communities/";

    private final Api operator;
    private final Api staff;
    private final Progress progress;

    DemoBilling(Api operator, Api staff, Progress progress) {
        this.operator = operator;
        this.staff = staff;
        this.progress = progress;
    }

    void seed(String community) {
        String billing = "/api/billing/communities/" + community;
        awaitRegisterCopy(billing);
        if (operator.get(billing + "/fee-plan").status() == 404) {
            expect(operator.put(billing + "/fee-plan", Map.of("name", "2026 年度物业服务费（酬金制）", "cycle", "MONTHLY", "dueDays", 14,
                    "lateFee", Map.of("basisPointsPerDay", 3, "capBasisPoints", 3000),
                    "prices", List.of(price("RESIDENTIAL", 145), price("COMMERCIAL", 320), price("OFFICE", 250), price("STORAGE", 60),
                            price("PARKING", 60), price("OTHER", 100)))), 200);
            progress.say("fee plan set: 1.45 yuan/m² a month for homes");
        }
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        bill(community, current.minusMonths(1));
        bill(community, current);
        payLastMonth(community, billing, current.minusMonths(1));
    }

    private void awaitRegisterCopy(String billing) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse copy = operator.get(billing + "/register-copy");
            if (copy.status() == 200 && copy.json().get("units").asInt() >= 1_200) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("billing did not receive the demo register from community.state within 90 s; see .devstack/logs/billing.log");
    }

    /** Starting a run for a period already billed answers the finished run: nothing is issued twice. */
    private void bill(String community, YearMonth period) {
        JsonNode run = expect(operator.post("/api/billing/runs", Map.of("communityId", community, "period", period.toString())), 202);
        if (run.get("status").asString().equals("DONE")) {
            return; // billed on an earlier start
        }
        while (run.get("status").asString().equals("RUNNING")) {
            sleep(200);
            run = expect(operator.get("/api/billing/runs/" + run.get("id").asString()), 200);
        }
        if (!run.get("status").asString().equals("DONE")) {
            throw new IllegalStateException("demo billing run failed: " + run);
        }
        if (run.get("issued").asInt() > 0) {
            progress.say("billed %s: %d invoices, %.2f yuan".formatted(period, run.get("issued").asInt(), run.get("issuedFen").asLong() / 100.0));
        }
    }

    /** Paid by a few counters at once, as a busy service centre would: the demo is ready sooner. */
    private void payLastMonth(String community, String billing, YearMonth month) {
        List<Callable<Integer>> payments = new ArrayList<>();
        for (JsonNode building : expect(operator.get(COMMUNITIES + community + "/buildings"), 200)) {
            if (!PAID_BUILDINGS.contains(building.get("name").asString())) {
                continue;
            }
            for (JsonNode unit : expect(operator.get(COMMUNITIES + community + "/units?limit=500&buildingId=" + building.get("id").asString()), 200).get("items")) {
                payments.add(() -> payIfOpen(billing + "/units/" + unit.get("id").asString(), month, building.get("name").asString() + unit.get("number").asString()));
            }
        }
        int paid = 0;
        try (ExecutorService counters = Executors.newFixedThreadPool(6)) {
            for (Future<Integer> done : counters.invokeAll(payments)) {
                paid += done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo payment failed", e.getCause());
        }
        if (paid > 0) {
            progress.say("%d households of %s paid %s at the counter".formatted(paid, String.join("、", PAID_BUILDINGS), month));
        }
    }

    private int payIfOpen(String unit, YearMonth month, String receipt) {
        for (JsonNode invoice : expect(staff.get(unit + "/invoices?limit=10"), 200).get("items")) {
            if (invoice.get("periodStart").asString().equals(month.atDay(1).toString()) && invoice.get("openFen").asLong() > 0) {
                ApiResponse paid = staff.header("Idempotency-Key", UUID.nameUUIDFromBytes((unit + month).getBytes()).toString())
                        .post(unit + "/payments", Map.of("amountFen", invoice.get("openFen").asLong(), "method", "CASH",
                                "receiptNumber", "SJ" + month.toString().replace("-", "") + "-" + receipt));
                if (paid.status() != 201 && paid.status() != 409) {
                    throw new IllegalStateException("demo payment failed: " + paid);
                }
                return 1;
            }
        }
        return 0;
    }

    private static Map<String, Object> price(String use, long fen) {
        return Map.of("use", use, "effectiveFrom", "2024-01-01", "fenPerSquareMetreMonth", fen);
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding fee collection failed: " + response);
        }
        return response.json();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
