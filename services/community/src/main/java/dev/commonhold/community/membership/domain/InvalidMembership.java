package dev.commonhold.community.membership.domain;

/** A request about joining a household that is wrong in itself; answered 400 naming the field. */
public class InvalidMembership extends RuntimeException {

    private final String field;

    public InvalidMembership(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
