package dev.commonhold.parking.lots.domain;

/**
 * A request a rule of parking refuses (K1–K5, FR2), or a value that cannot be: 422 naming the
 * field, and the rule when there is one.
 *
 * @param rule the rule's number in DOMAIN-RULES.md, or null for a plain validation
 */
public final class ParkingRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public ParkingRuleViolation(String rule, String field, String message) {
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
