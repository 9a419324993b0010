package dev.commonhold.leasing.spaces.domain;

/**
 * A request a rule of leasing refuses (L1–L5, T1), or a value that cannot be: 422 naming the
 * field, and the rule when there is one. Nothing is stored.
 *
 * @param rule the rule's number in DOMAIN-RULES.md, or null for a plain validation
 */
public final class LeasingRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public LeasingRuleViolation(String rule, String field, String message) {
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
