package dev.commonhold.community.assembly.domain;

/** A request the assembly's rules do not allow (answered as a 422 naming the field and the rule). */
public class ResolutionRuleViolation extends RuntimeException {

    private final String field;

    public ResolutionRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
