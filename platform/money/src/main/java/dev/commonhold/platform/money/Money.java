package dev.commonhold.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount of money in whole minor units (fen for CNY) of one ISO currency. Never a double:
 * every sum in Commonhold must reconcile to the fen.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    public static Money fen(long fen) {
        return new Money(fen, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount in major units ("12.34" yuan). Rejects more decimals than the
     * currency has rather than rounding: an amount that cannot be represented is an input error.
     */
    public static Money parse(String major, Currency currency) {
        BigDecimal amount = new BigDecimal(major.strip());
        try {
            return new Money(amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "%s has more than %d decimals or is out of range".formatted(major, currency.getDefaultFractionDigits()), e);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, sameCurrency(other).minor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, sameCurrency(other).minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    /** Splits this amount by weights; the parts always sum to this amount. See {@link Allocation}. */
    public List<Money> allocate(long... weights) {
        return Arrays.stream(Allocation.largestRemainder(minor, weights)).mapToObj(part -> new Money(part, currency)).toList();
    }

    /** The amount in major units with the currency's decimals, e.g. "1234.50". */
    public String toDecimalString() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The amount in major units with thousands separators, as documents print it: "-1,234.50". */
    public String toGroupedString() {
        BigDecimal major = BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
        return String.format(java.util.Locale.ROOT, "%,." + currency.getDefaultFractionDigits() + "f", major);
    }

    /** {@code fen} as yuan with thousands separators: "-1,234.50". */
    public static String yuan(long fen) {
        return fen(fen).toGroupedString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minor, sameCurrency(other).minor);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toDecimalString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
