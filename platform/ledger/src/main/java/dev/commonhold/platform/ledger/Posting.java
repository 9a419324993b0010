package dev.commonhold.platform.ledger;

/**
 * One leg of a journal entry: an account of the ledger and an amount in fen, debit positive and
 * credit negative, never zero. An entry's postings sum to zero.
 *
 * @param account   the account's code in the ledger's chart of accounts
 * @param amountFen fen; &gt; 0 debits the account, &lt; 0 credits it
 */
public record Posting(String account, long amountFen) {

    /** The largest amount a posting may carry: exact as a JSON number everywhere (RFC 8785 and JavaScript). */
    public static final long MAX_FEN = (1L << 53) - 1;

    public Posting {
        if (account == null || account.isBlank()) {
            throw new LedgerViolation("postings", "every posting names an account");
        }
        if (amountFen == 0) {
            throw new LedgerViolation("postings", "a posting of 0 fen to " + account + " moves nothing: leave it out");
        }
        if (Math.abs(amountFen) > MAX_FEN) {
            throw new LedgerViolation("postings", "a posting is at most " + MAX_FEN + " fen (2^53 - 1: exact in every JSON reader), not " + amountFen);
        }
    }

    public static Posting debit(String account, long fen) {
        return new Posting(account, positive(fen));
    }

    public static Posting credit(String account, long fen) {
        return new Posting(account, -positive(fen));
    }

    /** The same leg the other way round: what a reversing entry posts. */
    public Posting reversed() {
        return new Posting(account, Math.negateExact(amountFen));
    }

    private static long positive(long fen) {
        if (fen <= 0) {
            throw new LedgerViolation("postings", "debit and credit amounts are positive fen, not " + fen);
        }
        return fen;
    }
}
