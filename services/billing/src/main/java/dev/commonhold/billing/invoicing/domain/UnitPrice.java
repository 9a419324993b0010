package dev.commonhold.billing.invoicing.domain;

import java.time.LocalDate;

/**
 * A property-fee price for one unit use: fen per m² of exclusive area per month (rule P1),
 * applying from {@code effectiveFrom} (inclusive) until the next price of the same use.
 */
public record UnitPrice(String use, LocalDate effectiveFrom, long fenPerSquareMetreMonth) {

    /** A guard against a typo in yuan vs fen: 1,000 yuan per m² per month is no property fee. */
    public static final long MAX_FEN_PER_M2_MONTH = 100_000;

    public UnitPrice {
        if (fenPerSquareMetreMonth < 0 || fenPerSquareMetreMonth > MAX_FEN_PER_M2_MONTH) {
            throw new BillingRuleViolation("prices.fenPerSquareMetreMonth", "must be 0 to 100000 fen (1,000 yuan) per m² per month", null);
        }
    }
}
