package dev.commonhold.franchise.agreements.domain;

/** Terms that cannot be agreed (a term over 40 years, a share over 100%, bands out of order): 400 naming the field; nothing stored. */
public final class InvalidTerms extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidTerms(String field, String message) {
        this(field, null, message);
    }

    /** @param rule the numbered rule the terms break (FR1…), or null */
    public InvalidTerms(String field, String rule, String message) {
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
