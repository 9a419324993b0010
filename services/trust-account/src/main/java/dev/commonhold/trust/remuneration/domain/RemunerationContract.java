package dev.commonhold.trust.remuneration.domain;

/**
 * The operator's remuneration under the remuneration (酬金制) model, rule T2: a fixed amount a
 * month, or a share of the month's income in basis points (0.01 %) with a cap. Whatever is left
 * is the owners'. Amounts in fen.
 */
public record RemunerationContract(Kind kind, long fixedFen, int basisPoints, long capFen) {

    public enum Kind { FIXED, PERCENT }

    public RemunerationContract {
        if (kind == null) {
            throw new IllegalArgumentException("kind: FIXED or PERCENT");
        }
        if (kind == Kind.FIXED && (fixedFen <= 0 || fixedFen > 10_000_000_000L)) {
            throw new IllegalArgumentException("fixedFen: a fixed remuneration is 1 fen to 100 million yuan a month");
        }
        if (kind == Kind.PERCENT && (basisPoints <= 0 || basisPoints > 5_000)) {
            throw new IllegalArgumentException("basisPoints: a share of income is 1 to 5000 basis points (0.01 % to 50 %)");
        }
        if (kind == Kind.PERCENT && (capFen <= 0 || capFen > 10_000_000_000L)) {
            throw new IllegalArgumentException("capFen: a share of income has a cap of 1 fen to 100 million yuan a month");
        }
    }

    /**
     * The remuneration for a month whose owners' income was {@code incomeFen}: the fixed amount, or the
     * share rounded half up to the fen, never above the cap and never below 0.
     */
    public long forMonth(long incomeFen) {
        if (kind == Kind.FIXED) {
            return fixedFen;
        }
        if (incomeFen <= 0) {
            return 0;
        }
        long share = Math.addExact(Math.multiplyExact(Math.multiplyExact(incomeFen, basisPoints), 2L), 10_000L) / 20_000L;
        return Math.min(share, capFen);
    }
}
