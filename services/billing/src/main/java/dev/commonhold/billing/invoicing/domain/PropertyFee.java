package dev.commonhold.billing.invoicing.domain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * Rule P1: fee = exclusive area × price per m² per month × months. A price change applies from
 * its date: within a month, each price counts for its share of the month's days.
 *
 * <p>Rounding rule: the exact amount (a fraction of a fen) is summed over all days of the period
 * first and rounded once, half up, to the fen. So a 3-month invoice equals the exact sum, not three
 * rounded months, and no fen is gained or lost by splitting a month at a price change.
 */
public final class PropertyFee {

    private PropertyFee() {
    }

    /**
     * @param areaCentiM2 exclusive area in 0.01 m²
     * @param prices      prices of the unit's use, any order; the one in force on a day is the latest
     *                    with {@code effectiveFrom <= day}
     * @return the fee in fen; 0 if no price is in force on any day of the period
     */
    public static long of(long areaCentiM2, Period period, List<UnitPrice> prices) {
        return rate(period, prices).feeFor(areaCentiM2);
    }

    /** The fee per 0.01 m² of one use over one period, exact: a billing run computes it once per use, not per unit. */
    public static Rate rate(Period period, List<UnitPrice> prices) {
        List<UnitPrice> ordered = prices.stream().sorted(Comparator.comparing(UnitPrice::effectiveFrom)).toList();
        // Σ over months of Σ(price × days) / (100 × days in month), over a common denominator so it stays exact.
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (int m = 0; m < period.months(); m++) {
            YearMonth month = period.first().plusMonths(m);
            BigInteger monthDenominator = BigInteger.valueOf(100L * month.lengthOfMonth());
            numerator = numerator.multiply(monthDenominator).add(BigInteger.valueOf(priceDays(month, ordered)).multiply(denominator));
            denominator = denominator.multiply(monthDenominator);
        }
        return new Rate(numerator, denominator);
    }

    /** Fen per 0.01 m² as the exact fraction {@code numerator / denominator}. */
    public record Rate(BigInteger numerator, BigInteger denominator) {

        /** @return area × rate, rounded once, half up, to the fen */
        public long feeFor(long areaCentiM2) {
            return roundHalfUp(numerator.multiply(BigInteger.valueOf(areaCentiM2)), denominator);
        }
    }

    /** Σ over the month's days of the price in force that day (fen per m²). */
    private static long priceDays(YearMonth month, List<UnitPrice> ordered) {
        long sum = 0;
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            sum += priceOn(month.atDay(day), ordered);
        }
        return sum;
    }

    private static long priceOn(LocalDate day, List<UnitPrice> ordered) {
        long price = 0;
        for (UnitPrice p : ordered) {
            if (p.effectiveFrom().isAfter(day)) {
                break;
            }
            price = p.fenPerSquareMetreMonth();
        }
        return price;
    }

    static long roundHalfUp(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[0].add(qr[1].shiftLeft(1).compareTo(denominator) >= 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
    }
}
