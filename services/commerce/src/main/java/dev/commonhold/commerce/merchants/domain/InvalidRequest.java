package dev.commonhold.commerce.merchants.domain;

/** A value that cannot be (a share over 100%, a quantity of 0, a period the wrong way round): 400 naming the field; nothing stored. */
public final class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
