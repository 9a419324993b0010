package dev.commonhold.franchise.agreements.domain;

import java.util.List;

/**
 * The revenue share (收益分成) the operator pays of a year's gross revenue from the covered services.
 *
 * <p>Owed for a year = the greater of the minimum guarantee and (fixed fee + rate × gross + each band's
 * rate × the gross inside that band). Bands are marginal, like income tax: a band runs from its
 * {@code fromFen} to the next band's. Each part is rounded half up to the fen (the owners' side of a
 * half fen). Before the year closes only the variable parts are owed to date; the fixed fee and the
 * minimum guarantee fall due at the year's end (FR4: the operator reports yearly).
 *
 * @param fixedFenPerYear   a fixed fee a year, in fen
 * @param rateBasisPoints   of all gross revenue, 0–10,000 (2000 = 20%)
 * @param bands             marginal bands over the year's gross, {@code fromFen} strictly increasing from 0; may be empty
 * @param minimumFenPerYear the minimum guarantee a year (保底), in fen
 * @param payee             owners (their trust account) or government
 */
public record RevenueShare(long fixedFenPerYear, int rateBasisPoints, List<Band> bands, long minimumFenPerYear, Payee payee) {

    /** @param fromFen the year's gross from which this band's rate applies; @param rateBasisPoints 0–10,000 */
    public record Band(long fromFen, int rateBasisPoints) {
    }

    /** What is owed, part by part, in fen. {@code minimumTopUpFen} is what the guarantee adds over the computed share. */
    public record Owed(long fixedFen, long rateFen, long bandsFen, long minimumTopUpFen) {

        public long totalFen() {
            return fixedFen + rateFen + bandsFen + minimumTopUpFen;
        }
    }

    public RevenueShare {
        bands = Fen.copy("bands", bands);
        Fen.require("fixedFenPerYear", fixedFenPerYear, false);
        Fen.require("minimumFenPerYear", minimumFenPerYear, false);
        if (rateBasisPoints < 0 || rateBasisPoints > 10_000) {
            throw new InvalidTerms("rateBasisPoints", "must be 0 to 10000 (basis points of gross revenue)");
        }
        if (payee == null) {
            throw new InvalidTerms("payee", "is required: OWNERS or GOVERNMENT");
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (band.rateBasisPoints() < 0 || band.rateBasisPoints() + rateBasisPoints > 10_000) {
                throw new InvalidTerms("bands[" + i + "].rateBasisPoints", "with the flat rate, must be 0 to 10000");
            }
            Fen.require("bands[" + i + "].fromFen", band.fromFen(), false);
            if (i > 0 && band.fromFen() <= bands.get(i - 1).fromFen()) {
                throw new InvalidTerms("bands[" + i + "].fromFen", "bands start at 0 or above and rise strictly");
            }
        }
    }

    /**
     * @param grossFen   the year's gross revenue from the covered services (to date when not closed), in fen
     * @param yearClosed whether the year has ended: only then are the fixed fee and the minimum guarantee due
     */
    public Owed owed(long grossFen, boolean yearClosed) {
        long gross = Math.max(0, grossFen);
        long rate = percent(gross, rateBasisPoints);
        long banded = 0;
        for (int i = 0; i < bands.size(); i++) {
            long from = bands.get(i).fromFen();
            long to = i + 1 < bands.size() ? bands.get(i + 1).fromFen() : Long.MAX_VALUE;
            long inBand = Math.max(0, Math.min(gross, to) - from);
            banded += percent(inBand, bands.get(i).rateBasisPoints());
        }
        if (!yearClosed) {
            return new Owed(0, rate, banded, 0);
        }
        long computed = fixedFenPerYear + rate + banded;
        return new Owed(fixedFenPerYear, rate, banded, Math.max(0, minimumFenPerYear - computed));
    }

    /** {@code fen × bp / 10,000}, half up. */
    static long percent(long fen, int basisPoints) {
        return Math.addExact(Math.multiplyExact(fen, basisPoints), 5_000) / 10_000;
    }
}
