package dev.commonhold.billing.invoicing.domain;

/** Rule P2: no more than 12 months of property fees may be demanded — or taken — in advance. */
public final class Prepayment {

    public static final int MAX_MONTHS = 12;

    private Prepayment() {
    }

    /** @throws BillingRuleViolation naming rule P2 for 13 months or more, or for fewer than one */
    public static int requireMonths(int months) {
        if (months < 1) {
            throw new BillingRuleViolation("months", "must be at least 1", "P2");
        }
        if (months > MAX_MONTHS) {
            throw new BillingRuleViolation("months", "at most 12 months of property fees may be paid in advance (rule P2); %d asked".formatted(months), "P2");
        }
        return months;
    }
}
