package dev.commonhold.billing.reconciliation.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule PY3: our payments of a day against the channel's (or bank's) statement of that day, by the
 * channel's transaction id. Every difference is an exception someone resolves with a reason:
 * missing on either side, an amount mismatch, or a transaction listed twice. Refund rows are
 * counted, not matched against payments.
 */
public final class Matching {

    public enum Kind {
        MISSING_IN_OUR_RECORDS, MISSING_IN_STATEMENT, AMOUNT_MISMATCH, DUPLICATE_IN_STATEMENT
    }

    public record Exception(Kind kind, String transactionId, Integer row, OurPayment ours, Long statementFen) {
    }

    public record Result(int matched, long matchedFen, int refunds, List<Exception> exceptions) {
    }

    private Matching() {
    }

    public static Result match(List<StatementLine> statement, List<OurPayment> ours) {
        Map<String, OurPayment> byTransaction = new LinkedHashMap<>();
        ours.forEach(p -> byTransaction.put(p.transactionId(), p));
        Map<String, StatementLine> seen = new HashMap<>();
        List<Exception> exceptions = new ArrayList<>();
        int matched = 0;
        int refunds = 0;
        long matchedFen = 0;
        for (StatementLine line : statement) {
            if (line.refund()) {
                refunds++;
                continue;
            }
            if (seen.putIfAbsent(line.transactionId(), line) != null) {
                exceptions.add(new Exception(Kind.DUPLICATE_IN_STATEMENT, line.transactionId(), line.row(), byTransaction.get(line.transactionId()),
                        line.amountFen()));
                continue;
            }
            OurPayment mine = byTransaction.get(line.transactionId());
            if (mine == null) {
                exceptions.add(new Exception(Kind.MISSING_IN_OUR_RECORDS, line.transactionId(), line.row(), null, line.amountFen()));
            } else if (mine.amountFen() != line.amountFen()) {
                exceptions.add(new Exception(Kind.AMOUNT_MISMATCH, line.transactionId(), line.row(), mine, line.amountFen()));
            } else {
                matched++;
                matchedFen += line.amountFen();
            }
        }
        byTransaction.values().stream().filter(p -> !seen.containsKey(p.transactionId()))
                .forEach(p -> exceptions.add(new Exception(Kind.MISSING_IN_STATEMENT, p.transactionId(), null, p, null)));
        return new Result(matched, matchedFen, refunds, exceptions);
    }
}
