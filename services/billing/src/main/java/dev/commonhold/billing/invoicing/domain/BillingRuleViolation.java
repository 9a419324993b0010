package dev.commonhold.billing.invoicing.domain;

/**
 * A request that breaks a rule of fee collection: which field, what is wrong, and the rule of
 * DOMAIN-RULES.md it breaks (null when it is plain validation). Answered as 422 naming both.
 */
public class BillingRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public BillingRuleViolation(String field, String message, String rule) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
