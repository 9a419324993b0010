package dev.commonhold.fund.accounts.domain;

/**
 * A request the fund's rules (F1–F10, V7, V9) do not allow; answered 422 naming the field and the rule.
 *
 * @param rule  the rule's number, e.g. {@code F5}
 * @param field the request field at fault
 */
public class FundRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public FundRuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
