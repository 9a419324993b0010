package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The demo community's trust account: waits until the trust account has posted what the demo
 * households paid (billing → payment-settled → the owners' books), closes the last two months so
 * their tree heads exist for a resident to check against (and one to extend the other), raises two
 * payments out — one the committee approved and the operator paid, one waiting for the committee's
 * second key — and imports the co-managed account's bank statement for those two months, with a
 * bank charge the books do not have yet: one difference for the operator to resolve.
 */
final class DemoTrust {

    private final Api operator;
    private final Api staff;
    private final Api committee;
    private final Progress progress;

    DemoTrust(Api operator, Api staff, Api committee, Progress progress) {
        this.operator = operator;
        this.staff = staff;
        this.committee = committee;
        this.progress = progress;
    }

    void seed(String community, List<DemoBilling.Transfer> transfers) {
        String trust = "/api/trust/communities/" + community;
        long entries = awaitPostings(trust);
        remunerationTerms(trust + "/remuneration");
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        close(trust, last.minusMonths(1));
        JsonNode head = close(trust, last);
        progress.say("trust account: %d entries posted from billing; %s and %s closed, root %s…".formatted(entries, last.minusMonths(1), last,
                head.get("rootHash").asString().substring(0, 16)));
        paymentsOut(trust + "/payment-requests");
        bankStatement(trust, transfers, last);
    }

    /** Closes {@code month}, or answers its head when an earlier start closed it. */
    private JsonNode close(String trust, YearMonth month) {
        for (JsonNode head : expect(operator.get(trust + "/months"), 200)) {
            if (head.get("period").asString().equals(month.toString())) {
                return head;
            }
        }
        ApiResponse closed = operator.post(trust + "/months/" + month + "/close", Map.of());
        if (closed.status() != 200) {
            throw new IllegalStateException("closing the demo trust account's month " + month + " failed: " + closed);
        }
        return closed.json();
    }

    /**
     * The bank's export for the months the transfers came in, newest line last, in GB18030 as Chinese
     * online banking writes it — every transfer, and on the last day the bank's account fee.
     */
    private void bankStatement(String trust, List<DemoBilling.Transfer> transfers, YearMonth last) {
        if (transfers.isEmpty() || operator.get(trust + "/bank-reconciliation").status() == 200) {
            return;
        }
        StringBuilder csv = new StringBuilder("交易日期,摘要,借方发生额,贷方发生额,余额,流水号,对方户名\n");
        long balance = 0;
        List<DemoBilling.Transfer> inOrder = transfers.stream().sorted(java.util.Comparator.comparing(DemoBilling.Transfer::valueDate)
                .thenComparing(DemoBilling.Transfer::reference)).toList();
        for (DemoBilling.Transfer t : inOrder) {
            balance += t.amountFen();
            csv.append("%s,物业费,,%s,%s,%s,%s%n".formatted(t.valueDate(), yuan(t.amountFen()), yuan(balance), t.reference(), t.payer()));
        }
        balance -= 1_000;
        csv.append("%s,账户管理费,10.00,,%s,FEE%s,\n".formatted(last.atEndOfMonth(), yuan(balance), last.toString().replace("-", "")));
        expect(staff.post(trust + "/bank-statements", csv.toString().getBytes(java.nio.charset.Charset.forName("GB18030")), "text/csv"), 201);
        JsonNode r = expect(operator.get(trust + "/bank-reconciliation"), 200);
        progress.say("trust account: bank statement imported (%d lines, %d paired); %s; %d difference(s) to resolve".formatted(inOrder.size() + 1,
                r.get("matchedLines").asInt(), r.get("agrees").asBoolean() ? "bank = books = held" : "bank and books DISAGREE", r.get("unresolved").asInt()));
    }

    private static String yuan(long fen) {
        return "%d.%02d".formatted(fen / 100, fen % 100);
    }

    /** 10 % of the owners' income, at most 8,000 yuan a month: proposed by the operator, confirmed by the committee chair. */
    private void remunerationTerms(String remuneration) {
        ApiResponse terms = operator.get(remuneration);
        if (terms.status() != 200 || !terms.json().isEmpty()) {
            return;
        }
        String id = expect(operator.put(remuneration, Map.of("kind", "PERCENT", "basisPoints", 1_000, "capFen", 800_000)), 200).get(0).get("id").asString();
        expect(committee.post(remuneration + "/" + id + "/confirmation", Map.of()), 200);
        progress.say("trust account: remuneration 10 % of income, at most 8,000 yuan a month, confirmed by the committee");
    }

    private void paymentsOut(String requests) {
        ApiResponse existing = staff.get(requests);
        if (existing.status() != 200 || !existing.json().isEmpty()) {
            return;
        }
        String paid = expect(staff.post(requests, Map.of("payee", "北京洁美保洁服务有限公司", "amountFen", 180_000, "expenseAccount", "5102",
                "budgetLine", "2026 保洁", "purpose", "公共区域保洁（本月）")), 201).get("id").asString();
        expect(staff.post(requests + "/" + paid + "/vouchers?fileName=cleaning-invoice.pdf", voucher("保洁服务发票 1,800.00 元"), "application/pdf"), 201);
        expect(committee.post(requests + "/" + paid + "/decisions", Map.of("decision", "APPROVE")), 200);
        expect(staff.post(requests + "/" + paid + "/execution", Map.of()), 200);
        String pending = expect(staff.post(requests, Map.of("payee", "北京某电梯维保有限公司", "amountFen", 1_260_000, "expenseAccount", "5105",
                "budgetLine", "2026 维修养护", "purpose", "3号楼电梯曳引机更换")), 201).get("id").asString();
        expect(staff.post(requests + "/" + pending + "/vouchers?fileName=lift-quote.pdf", voucher("电梯曳引机更换报价 12,600.00 元"), "application/pdf"), 201);
        progress.say("trust account: 1,800.00 yuan for cleaning approved and paid; 12,600.00 yuan for a lift repair waits for two committee keys");
    }

    /** A small stand-in for a scanned document: the demo has no real invoices to attach. */
    private static byte[] voucher(String text) {
        return ("%PDF-1.4\n% Commonhold demo voucher: " + text + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the trust account failed: " + response);
        }
        return response.json();
    }

    /** The entry count once it has stopped growing (the relay delivers settlements within a second or two). */
    private long awaitPostings(String trust) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            ApiResponse accounts = operator.get(trust + "/accounts");
            long now = accounts.status() == 200 ? accounts.json().get("entries").asLong() : -1;
            if (now > 0 && now == seen) {
                return now;
            }
            seen = now;
            sleep(1_500);
        }
        throw new IllegalStateException("the trust account posted nothing from billing within " + DemoSeed.EVENT_WAIT.toSeconds() + " s; see .devstack/logs/trust-account.log");
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
