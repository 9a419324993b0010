package dev.commonhold.platform.ledger;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A journal entry to post: two or more postings that sum to zero fen, in an accounting period.
 *
 * @param period      the month it is posted in; a closed month takes nothing
 * @param belongsTo   for a late item, the (closed) month it belongs to; otherwise null
 * @param description what happened, as owners will read it (at most 500 characters)
 * @param source      what caused it, unique per ledger (e.g. {@code billing.payment-settled.v1:<eventId>}):
 *                    the same source posted again is skipped, so a redelivered event posts once; null for none
 * @param reverses    the entry this one reverses, or null
 */
public record NewEntry(YearMonth period, YearMonth belongsTo, String description, String source, UUID reverses, List<Posting> postings) {

    public static final int MAX_DESCRIPTION = 500;
    /** Legs per entry: with {@link Posting#MAX_FEN} each, no sum can leave a long. */
    public static final int MAX_POSTINGS = 1_000;

    public NewEntry {
        if (period == null) {
            throw new LedgerViolation("period", "an entry has a period (yyyy-MM)");
        }
        if (belongsTo != null && !belongsTo.isBefore(period)) {
            throw new LedgerViolation("belongsTo", "a late item belongs to an earlier month than " + period + ", not " + belongsTo);
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new LedgerViolation("description", "an entry says what happened in 1 to " + MAX_DESCRIPTION + " characters");
        }
        postings = List.copyOf(postings == null ? List.of() : postings);
        if (postings.size() < 2 || postings.size() > MAX_POSTINGS) {
            throw new LedgerViolation("postings", "an entry has 2 to " + MAX_POSTINGS + " postings, not " + postings.size());
        }
        long sum = 0;
        for (Posting p : postings) {
            sum = Math.addExact(sum, p.amountFen());
        }
        if (sum != 0) {
            throw new LedgerViolation("postings", "the postings do not balance: debits minus credits is " + sum + " fen, not 0");
        }
    }

    /** An entry for {@code period} with its postings, caused by {@code source}. */
    public static NewEntry of(YearMonth period, String description, String source, List<Posting> postings) {
        return new NewEntry(period, null, description, source, null, postings);
    }
}
