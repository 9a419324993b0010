package dev.commonhold.community.registry.domain;

import java.math.BigDecimal;

/**
 * Exclusive area (专有部分面积) as registered, in whole hundredths of a square metre, so vote
 * weights and apportionments are exact integers (rule V4: no floating point anywhere).
 */
public record Area(long centiSquareMetres) implements Comparable<Area> {

    public Area {
        if (centiSquareMetres <= 0) {
            throw new InvalidRegistryData("exclusiveAreaM2", "must be greater than 0");
        }
    }

    /** From square metres with at most two decimals ("89.37"); more precision than the register has is an error. */
    public static Area ofSquareMetres(BigDecimal squareMetres) {
        return ofSquareMetres("exclusiveAreaM2", squareMetres);
    }

    public static Area ofSquareMetres(String field, BigDecimal squareMetres) {
        if (squareMetres.stripTrailingZeros().scale() > 2) {
            throw new InvalidRegistryData(field, "at most two decimals (0.01 m²)");
        }
        if (squareMetres.signum() <= 0) {
            throw new InvalidRegistryData(field, "must be greater than 0");
        }
        try {
            return new Area(squareMetres.movePointRight(2).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new InvalidRegistryData(field, "is too large");
        }
    }

    public BigDecimal squareMetres() {
        return BigDecimal.valueOf(centiSquareMetres, 2);
    }

    public Area plus(Area other) {
        return new Area(Math.addExact(centiSquareMetres, other.centiSquareMetres));
    }

    @Override
    public int compareTo(Area other) {
        return Long.compare(centiSquareMetres, other.centiSquareMetres);
    }

    @Override
    public String toString() {
        return squareMetres().toPlainString() + " m²";
    }
}
