package dev.commonhold.billing.invoicing.domain;

/**
 * How many months one property-fee invoice covers. Never more than 12: no more than 12 months may
 * be demanded in advance (rule P2).
 */
public enum BillingCycle {
    MONTHLY(1), QUARTERLY(3), YEARLY(12);

    private final int months;

    BillingCycle(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    public static BillingCycle parse(String value) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BillingRuleViolation("cycle", "must be monthly, quarterly or yearly", null);
        }
    }
}
