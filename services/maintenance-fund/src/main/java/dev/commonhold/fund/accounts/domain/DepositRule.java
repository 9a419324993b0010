package dev.commonhold.fund.accounts.domain;

import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Rule F1: a unit's initial deposit, from its exclusive area. Cities use either a fixed amount per
 * m² or a share (5%–8%) of the local construction cost per m². The result is rounded half up to
 * the fen, once, at the end.
 */
public sealed interface DepositRule {

    /** @param areaCentiM2 exclusive area in 0.01 m² @return the initial deposit in fen */
    long depositFen(long areaCentiM2);

    /** So many fen per m² of exclusive area (e.g. Chengdu's old communities: at least 500 fen = 5 yuan). */
    record FlatPerM2(long fenPerM2) implements DepositRule {
        public FlatPerM2 {
            if (fenPerM2 <= 0) {
                throw new IllegalArgumentException("a flat rate is a positive number of fen per m², not " + fenPerM2);
            }
        }

        @Override
        public long depositFen(long areaCentiM2) {
            return divideHalfUp(BigInteger.valueOf(areaCentiM2).multiply(BigInteger.valueOf(fenPerM2)), 100);
        }
    }

    /**
     * A share of the construction cost: area × cost per m² × basis points / 10,000.
     *
     * @param basisPoints 500 = 5%; F1 allows 500 to 800 for commodity housing
     */
    record PercentOfCost(long costFenPerM2, int basisPoints) implements DepositRule {
        public PercentOfCost {
            if (costFenPerM2 <= 0 || basisPoints <= 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("a cost per m² in fen and a share in basis points (500 = 5%) are needed");
            }
        }

        @Override
        public long depositFen(long areaCentiM2) {
            return divideHalfUp(BigInteger.valueOf(areaCentiM2).multiply(BigInteger.valueOf(costFenPerM2)).multiply(BigInteger.valueOf(basisPoints)),
                    100L * 10_000);
        }
    }

    private static long divideHalfUp(BigInteger numerator, long denominator) {
        return new java.math.BigDecimal(numerator).divide(java.math.BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
