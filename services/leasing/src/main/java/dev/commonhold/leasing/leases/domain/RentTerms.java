package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

import java.util.Set;

/**
 * What a lease costs and how it is billed.
 *
 * @param monthlyRentFen            fen per month in the first lease year, &gt; 0
 * @param escalationBasisPoints     the yearly step (300 = +3% a year), 0–5000, applied at each lease anniversary
 * @param rentFreeMonths            the first months free (免租期), 0–24 and fewer than the term's months
 * @param billingCycleMonths        1, 3, 6 or 12: each cycle is paid in advance, due on its first day
 * @param depositFen                fen, at most the city's cap (L3), held, not income
 * @param lateFeeBasisPointsPerDay  simple daily late fee on rent paid late (5 = 0.05% a day), 0–100
 * @param lateFeeCapPercent         the late fee on one charge never exceeds this % of it, 0–100
 * @param penaltyMonths             early termination by the tenant costs this many months of the current rent, 0–12
 */
public record RentTerms(long monthlyRentFen, int escalationBasisPoints, int rentFreeMonths, int billingCycleMonths, long depositFen,
                        int lateFeeBasisPointsPerDay, int lateFeeCapPercent, int penaltyMonths) {

    private static final Set<Integer> CYCLES = Set.of(1, 3, 6, 12);

    /** @throws LeasingRuleViolation naming the field */
    public RentTerms {
        require(monthlyRentFen > 0 && monthlyRentFen <= 10_000_000_000L, "rent.monthlyRentFen", "must be between 1 fen and 100,000,000 yuan");
        require(escalationBasisPoints >= 0 && escalationBasisPoints <= 5000, "rent.escalationBasisPoints", "must be 0–5000 (0–50% a year)");
        require(rentFreeMonths >= 0 && rentFreeMonths <= 24, "rent.rentFreeMonths", "must be 0–24");
        require(CYCLES.contains(billingCycleMonths), "rent.billingCycleMonths", "must be 1, 3, 6 or 12");
        require(depositFen >= 0, "rent.depositFen", "must not be negative");
        require(lateFeeBasisPointsPerDay >= 0 && lateFeeBasisPointsPerDay <= 100, "rent.lateFeeBasisPointsPerDay", "must be 0–100 (0–1% a day)");
        require(lateFeeCapPercent >= 0 && lateFeeCapPercent <= 100, "rent.lateFeeCapPercent", "must be 0–100");
        require(penaltyMonths >= 0 && penaltyMonths <= 12, "rent.penaltyMonths", "must be 0–12");
    }

    /**
     * L3: the deposit is at most {@code capMonths} months of the first year's rent. Exactly the cap is allowed.
     *
     * @throws LeasingRuleViolation one fen over the cap
     */
    public void requireDepositWithin(int capMonths, String where) {
        long cap = Math.multiplyExact(monthlyRentFen, (long) capMonths);
        if (depositFen > cap) {
            throw new LeasingRuleViolation("L3", "rent.depositFen", "a deposit is at most %d months' rent in %s: %d fen for a monthly rent of %d fen"
                    .formatted(capMonths, where, cap, monthlyRentFen));
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new LeasingRuleViolation(null, field, message);
        }
    }
}
