package dev.commonhold.platform.ledger;

/**
 * An entry the journal refuses, and why: it does not balance, names an account the ledger does
 * not have, falls in a closed period, or reverses what cannot be reversed. Nothing was written.
 * Services answer it as 422 naming {@link #field()}.
 */
public class LedgerViolation extends RuntimeException {

    private final String field;

    public LedgerViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the problem is in, e.g. {@code postings} or {@code period}. */
    public String field() {
        return field;
    }
}
