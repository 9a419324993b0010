package dev.commonhold.franchise.agreements.domain;

import java.math.BigInteger;
import java.util.List;

/**
 * The return cap (收益上限, FR3): the government guarantees no return, but the operator may not keep a
 * return above the cap. What the year's profit earns above the cap on the capital invested is shared back
 * by bands: e.g. {@code [(0, 5000), (200, 8000)]} shares 50% of the profit between the cap and 2 points
 * above it and 80% of what is above that.
 *
 * <p>Worked example (Nanjing-style 6% cap, capital 30,000,000.00 yuan): a year's profit of 2,100,000.00
 * is 7%; the cap allows 1,800,000.00; of the 300,000.00 above it, 50% = 150,000.00 is shared.
 *
 * @param metric        how the return is measured for the cap
 * @param capBasisPoints the cap a year, in basis points (600 = 6%)
 * @param excessBands   sharing bands over the cap, {@code aboveCapBasisPoints} strictly rising from 0
 */
public record ReturnCap(Metric metric, int capBasisPoints, List<ExcessBand> excessBands) {

    /** IRR: the project's internal rate of return on its yearly cash flows; ROIC: a year's profit over the capital invested to date. */
    public enum Metric {
        IRR, ROIC
    }

    /** @param aboveCapBasisPoints where the band starts, in points above the cap; @param shareBasisPoints shared back, 0–10,000 */
    public record ExcessBand(int aboveCapBasisPoints, int shareBasisPoints) {
    }

    public ReturnCap {
        excessBands = Fen.copy("excessBands", excessBands);
        if (metric == null) {
            throw new InvalidTerms("metric", "is required: IRR or ROIC");
        }
        if (capBasisPoints <= 0 || capBasisPoints > 10_000) {
            throw new InvalidTerms("capBasisPoints", "must be 1 to 10000 (basis points a year)");
        }
        for (int i = 0; i < excessBands.size(); i++) {
            ExcessBand band = excessBands.get(i);
            if (band.shareBasisPoints() < 0 || band.shareBasisPoints() > 10_000) {
                throw new InvalidTerms("excessBands[" + i + "].shareBasisPoints", "must be 0 to 10000");
            }
            if (i == 0 ? band.aboveCapBasisPoints() != 0 : band.aboveCapBasisPoints() <= excessBands.get(i - 1).aboveCapBasisPoints()) {
                throw new InvalidTerms("excessBands[" + i + "].aboveCapBasisPoints", "the first band starts at the cap (0) and each next one higher");
            }
        }
    }

    /** Profit above the cap and the share of it due back, in fen. */
    public record Excess(long allowedFen, long excessFen, long shareDueFen) {
    }

    /**
     * @param profitFen  the year's profit (revenue less the operating costs reported), in fen
     * @param capitalFen the capital invested to date, in fen
     */
    public Excess excess(long profitFen, long capitalFen) {
        BigInteger tenThousand = BigInteger.valueOf(10_000);
        BigInteger profit = BigInteger.valueOf(profitFen).multiply(tenThousand); // in fen/10,000: exact against capital × bp
        BigInteger capital = BigInteger.valueOf(Math.max(0, capitalFen));
        BigInteger cap = capital.multiply(BigInteger.valueOf(capBasisPoints));
        BigInteger share = BigInteger.ZERO;
        for (int i = 0; i < excessBands.size(); i++) {
            BigInteger from = cap.add(capital.multiply(BigInteger.valueOf(excessBands.get(i).aboveCapBasisPoints())));
            BigInteger inBand = profit.subtract(from).max(BigInteger.ZERO);
            if (i + 1 < excessBands.size()) {
                BigInteger width = capital.multiply(BigInteger.valueOf(excessBands.get(i + 1).aboveCapBasisPoints() - excessBands.get(i).aboveCapBasisPoints()));
                inBand = inBand.min(width);
            }
            share = share.add(inBand.multiply(BigInteger.valueOf(excessBands.get(i).shareBasisPoints())));
        }
        long allowed = halfUp(cap, tenThousand);
        long excess = Math.max(0, profitFen - allowed);
        if (profit.compareTo(cap) <= 0) {
            excess = 0;
        }
        return new Excess(allowed, excess, halfUp(share, tenThousand.multiply(tenThousand)));
    }

    private static long halfUp(BigInteger value, BigInteger divisor) {
        return value.add(divisor.shiftRight(1)).divide(divisor).longValueExact();
    }
}
