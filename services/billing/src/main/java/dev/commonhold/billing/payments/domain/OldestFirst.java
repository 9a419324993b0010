package dev.commonhold.billing.payments.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies money to open lines oldest first (by due date, then as listed): each line takes what is
 * open on it until the money runs out; what is left is the payer's credit. Part payments thus
 * clear the oldest debt — the one nearest to prescription (rule P5) — first.
 */
public final class OldestFirst {

    public record Share(OpenLine line, long amountFen) {
        public boolean settlesLine() {
            return amountFen == line.openFen();
        }
    }

    public record Result(List<Share> shares, long leftOverFen) {
    }

    private OldestFirst() {
    }

    public static Result apply(long amountFen, List<OpenLine> open) {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a payment is at least 1 fen");
        }
        List<OpenLine> ordered = open.stream().sorted(Comparator.comparing(OpenLine::dueOn)).toList();
        List<Share> shares = new ArrayList<>();
        long left = amountFen;
        for (OpenLine line : ordered) {
            if (left == 0) {
                break;
            }
            long share = Math.min(left, line.openFen());
            if (share > 0) {
                shares.add(new Share(line, share));
                left -= share;
            }
        }
        return new Result(shares, left);
    }
}
