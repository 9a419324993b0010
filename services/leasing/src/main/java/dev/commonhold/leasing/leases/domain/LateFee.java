package dev.commonhold.leasing.leases.domain;

/**
 * 滞纳金 on rent paid late: simple, never compound — the charge × rate × days late, rounded half up
 * to the fen, and never more than the cap (% of the charge).
 */
public final class LateFee {

    private LateFee() {
    }

    /**
     * @param amountFen      the late charge, fen
     * @param basisPointsDay per day (5 = 0.05%)
     * @param capPercent     the fee never exceeds this % of the charge
     * @param daysLate       days after the due date; 0 or less costs nothing
     * @return fen
     */
    public static long of(long amountFen, int basisPointsDay, int capPercent, long daysLate) {
        if (daysLate <= 0 || basisPointsDay == 0) {
            return 0;
        }
        long fee = Math.floorDiv(Math.multiplyExact(Math.multiplyExact(amountFen, (long) basisPointsDay), daysLate) * 2 + 10_000L, 20_000L);
        long cap = Math.floorDiv(Math.multiplyExact(amountFen, (long) capPercent), 100L);
        return Math.min(fee, cap);
    }
}
