package dev.commonhold.trust.payments.domain;

/** A payment request a rule refuses (T3: two keys), naming the field and the rule. */
public class PaymentRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public PaymentRuleViolation(String field, String message, String rule) {
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
