package dev.commonhold.billing.invoicing.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The months an invoice serves: from the first day of {@code first} to the last day of the
 * {@code months}-th month, in the community's zone.
 */
public record Period(YearMonth first, int months) {

    public Period {
        if (months < 1 || months > 12) {
            throw new BillingRuleViolation("months", "a period is 1 to 12 months (rule P2)", "P2");
        }
    }

    public LocalDate start() {
        return first.atDay(1);
    }

    /** Inclusive. */
    public LocalDate end() {
        return first.plusMonths(months - 1L).atEndOfMonth();
    }

    public YearMonth last() {
        return first.plusMonths(months - 1L);
    }

    public Period next(int count) {
        return new Period(last().plusMonths(1), count);
    }
}
