package dev.commonhold.leasing.leases.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * 押金结算单 at a lease's end (L3): the deposit held goes first to what the tenant still owes
 * (oldest due first, a charge wholly or the last one in part), and the rest is refunded — or
 * carried whole to the renewal that follows.
 */
public record DepositStatement(long heldFen, List<Applied> applied, long refundDueFen, long carriedFen) {

    /** Something the tenant owes at the end: a charge of the lease nothing has been paid on yet. */
    public record Owed(UUID chargeId, String kind, String revenueClass, java.time.LocalDate dueOn, long openFen) {
    }

    /** What of the deposit went to a charge. */
    public record Applied(UUID chargeId, String kind, String revenueClass, long amountFen, long openFen) {

        public boolean whole() {
            return amountFen == openFen;
        }
    }

    /**
     * @param heldFen what the deposit charges brought in, fen
     * @param owed    the lease's unpaid charges
     * @param carry   a renewal follows: the deposit moves to it whole, nothing is applied or refunded
     */
    public static DepositStatement settle(long heldFen, List<Owed> owed, boolean carry) {
        if (carry) {
            return new DepositStatement(heldFen, List.of(), 0, heldFen);
        }
        long left = heldFen;
        List<Applied> applied = new ArrayList<>();
        for (Owed o : owed.stream().sorted(Comparator.comparing(Owed::dueOn).thenComparing(Owed::chargeId)).toList()) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, o.openFen());
            applied.add(new Applied(o.chargeId(), o.kind(), o.revenueClass(), take, o.openFen()));
            left -= take;
        }
        return new DepositStatement(heldFen, List.copyOf(applied), left, 0);
    }

    public long appliedFen() {
        return applied.stream().mapToLong(Applied::amountFen).sum();
    }
}
