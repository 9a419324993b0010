package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
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
 * Fee collection for the demo community, through the gateway as the operator: a fee plan, the
 * property fees of the last three months billed; two months ago 1号楼 paid by bank transfer, last
 * month 1号楼–2号楼 did (each transfer recorded with its value date, as staff do from the bank
 * statement), the rest is overdue; this month is open — the resident pays it through the
 * simulator. Each step is skipped when done, so a restart changes nothing.
 */
final class DemoBilling {

    /** A transfer as the bank printed it: the demo's bank statement for the trust account is made of these. */
    record Transfer(LocalDate valueDate, long amountFen, String reference, String payer) {
    }
    private static final String COMMUNITIES = "/api/community/communities/";

    private final Api operator;
    private final Api staff;
    private final Progress progress;

    DemoBilling(Api operator, Api staff, Progress progress) {
        this.operator = operator;
        this.staff = staff;
        this.progress = progress;
    }

    /** @return the transfers made now (none on a restart that finds them made) */
    List<Transfer> seed(String community) {
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
        bill(community, current.minusMonths(2));
        bill(community, current.minusMonths(1));
        bill(community, current);
        List<Transfer> transfers = new ArrayList<>(pay(community, billing, current.minusMonths(2), List.of("1号楼")));
        transfers.addAll(pay(community, billing, current.minusMonths(1), List.of("1号楼", "2号楼")));
        return transfers;
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

    /** Recorded by a few staff at once, as a busy service centre would: the demo is ready sooner. */
    private List<Transfer> pay(String community, String billing, YearMonth month, List<String> buildings) {
        List<Callable<Transfer>> payments = new ArrayList<>();
        for (JsonNode building : expect(operator.get(COMMUNITIES + community + "/buildings"), 200)) {
            if (!buildings.contains(building.get("name").asString())) {
                continue;
            }
            for (JsonNode unit : expect(operator.get(COMMUNITIES + community + "/units?limit=500&buildingId=" + building.get("id").asString()), 200).get("items")) {
                String reference = building.get("name").asString() + "-" + unit.get("number").asString();
                LocalDate valueDate = month.atDay(5 + Math.floorMod(reference.hashCode(), 20));
                payments.add(() -> payIfOpen(billing + "/units/" + unit.get("id").asString(), month, reference, valueDate, reference + " 业主"));
            }
        }
        List<Transfer> paid = new ArrayList<>();
        try (ExecutorService counters = Executors.newFixedThreadPool(6)) {
            for (Future<Transfer> done : counters.invokeAll(payments)) {
                if (done.get() != null) {
                    paid.add(done.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo payment failed", e.getCause());
        }
        if (!paid.isEmpty()) {
            progress.say("%d households of %s paid %s by bank transfer".formatted(paid.size(), String.join("、", buildings), month));
        }
        return paid;
    }

    /** The bank's serial number of the transfer is the receipt number staff record, so reconciliation pairs them by it. */
    private Transfer payIfOpen(String unit, YearMonth month, String reference, LocalDate valueDate, String payer) {
        for (JsonNode invoice : expect(staff.get(unit + "/invoices?limit=10"), 200).get("items")) {
            if (invoice.get("periodStart").asString().equals(month.atDay(1).toString()) && invoice.get("openFen").asLong() > 0) {
                long amount = invoice.get("openFen").asLong();
                String serial = "BT" + valueDate.toString().replace("-", "") + String.format("%04d", Math.floorMod(reference.hashCode(), 10_000));
                ApiResponse paid = staff.header("Idempotency-Key", UUID.nameUUIDFromBytes((unit + month).getBytes()).toString())
                        .post(unit + "/payments", Map.of("amountFen", amount, "method", "BANK_TRANSFER", "receiptNumber", serial + "-" + reference,
                                "receivedOn", valueDate.toString()));
                if (paid.status() != 201 && paid.status() != 409) {
                    throw new IllegalStateException("demo payment failed: " + paid);
                }
                // Paid oldest-first, a 2号楼 household's transfer settled its October bill: November stays open, and a restart
                // sends the same payment again, which billing answers from its idempotency record — not a new transfer.
                boolean made = paid.status() == 201 && paid.headers().firstValue("Idempotent-Replayed").isEmpty();
                return made ? new Transfer(valueDate, amount, serial + "-" + reference, payer) : null;
            }
        }
        return null;
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
