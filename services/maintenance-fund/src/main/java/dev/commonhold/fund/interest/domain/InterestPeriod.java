package dev.commonhold.fund.interest.domain;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Rule F2: interest (or other income) for a period, credited to every sub-account pro rata to its
 * daily balance — the sum over the period's days of the balance at each day's end ("balance-days",
 * fen × days). Either the bank's amount for the period is allocated, or an annual rate gives the
 * amount: Σ balance-days × rate / 365, rounded half up to the fen once, for the whole community.
 *
 * @param amountFen the amount to allocate, or null when {@code rateBasisPoints} is given
 */
public record InterestPeriod(LocalDate from, LocalDate to, Long amountFen, Integer rateBasisPoints) {

    /** Periods longer than this are a typing error, not a bank's interest period. */
    public static final int MAX_DAYS = 366;

    public InterestPeriod {
        if (from == null || to == null || to.isBefore(from)) {
            throw new FundRuleViolation("F2", "to", "a period from one day to a later or the same day");
        }
        if (days(from, to) > MAX_DAYS) {
            throw new FundRuleViolation("F2", "to", "a period of at most " + MAX_DAYS + " days");
        }
        if ((amountFen == null) == (rateBasisPoints == null)) {
            throw new FundRuleViolation("F2", "amountFen", "give either the amount the bank credited (amountFen) or an annual rate (rateBasisPoints)");
        }
        if (amountFen != null && (amountFen <= 0 || amountFen > 100_000_000_000L)) {
            throw new FundRuleViolation("F2", "amountFen", "more than 0 fen and at most 1,000,000,000 yuan");
        }
        if (rateBasisPoints != null && (rateBasisPoints <= 0 || rateBasisPoints > 2_000)) {
            throw new FundRuleViolation("F2", "rateBasisPoints", "an annual rate in basis points, 1 to 2,000 (0.01% to 20%)");
        }
    }

    /** Interest is allocated for a period that has ended: its last day before {@code today} (the community's day). */
    public void requireEndedBefore(LocalDate today) {
        if (!to.isBefore(today)) {
            throw new FundRuleViolation("F2", "to", "interest is allocated for a period that has ended: its last day must be before today, " + today);
        }
    }

    /** The bank's reference of the interest credited, stripped; at most 64 characters. */
    public static String bankReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 64) {
            throw new FundRuleViolation("F2", "bankReference", "the bank's reference of the interest credited (at most 64 characters)");
        }
        return reference.strip();
    }

    public int days() {
        return days(from, to);
    }

    /** The weight a balance moved on {@code valueDate} carries in the period: the days it is held to the period's end. */
    public long daysHeld(LocalDate valueDate) {
        return valueDate.isBefore(from) ? days() : ChronoUnit.DAYS.between(valueDate, to) + 1;
    }

    /** The amount to allocate: the bank's, or by the rate from the community's total balance-days (half up to the fen). */
    public long total(BigInteger balanceDays) {
        if (amountFen != null) {
            return amountFen;
        }
        BigInteger[] qr = balanceDays.multiply(BigInteger.valueOf(rateBasisPoints)).divideAndRemainder(BigInteger.valueOf(365L * 10_000));
        BigInteger rounded = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(365L * 10_000)) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return rounded.longValueExact();
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}
