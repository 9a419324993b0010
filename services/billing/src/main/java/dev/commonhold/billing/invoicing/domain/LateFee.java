package dev.commonhold.billing.invoicing.domain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Rule P4: a late fee (滞纳金) is simple, never compound — a daily rate on the overdue principal
 * only, never on earlier late fees — and capped, because courts cut penalties that exceed the real
 * loss by more than 30%. Per community configuration.
 *
 * @param basisPointsPerDay late fee per day in 0.01% of the overdue principal (5 = 0.05% a day); 0 = none
 * @param capBasisPoints    the most the late fee may ever reach, in 0.01% of the principal (3000 = 30%)
 */
public record LateFee(int basisPointsPerDay, int capBasisPoints) {

    /** Above 30% of the principal a court would cut it (rule P4): refused, naming the rule. */
    public static final int MAX_CAP_BASIS_POINTS = 3_000;

    public LateFee {
        if (basisPointsPerDay < 0 || basisPointsPerDay > 100) {
            throw new BillingRuleViolation("lateFee.basisPointsPerDay", "must be 0 to 100 (1% a day)", "P4");
        }
        if (capBasisPoints < 0 || capBasisPoints > MAX_CAP_BASIS_POINTS) {
            throw new BillingRuleViolation("lateFee.capBasisPoints", "must be 0 to 3000: a late fee above 30% of the principal is cut by courts (rule P4)", "P4");
        }
    }

    public static LateFee none() {
        return new LateFee(0, 0);
    }

    /**
     * @param principalFen the overdue amount still open, in fen
     * @param dueOn        the last day to pay without a late fee
     * @param asOf         the day to compute for; days late = days after {@code dueOn}
     * @return fen, rounded down (never charge a fraction of a fen the payer did not owe), at most the cap
     */
    public long accrued(long principalFen, LocalDate dueOn, LocalDate asOf) {
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueOn, asOf));
        BigInteger uncapped = BigInteger.valueOf(principalFen).multiply(BigInteger.valueOf(basisPointsPerDay))
                .multiply(BigInteger.valueOf(daysLate)).divide(BigInteger.valueOf(10_000));
        long cap = BigInteger.valueOf(principalFen).multiply(BigInteger.valueOf(capBasisPoints)).divide(BigInteger.valueOf(10_000)).longValueExact();
        return Math.min(uncapped.longValueExact(), cap);
    }
}
