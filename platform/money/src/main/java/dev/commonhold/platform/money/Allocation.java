package dev.commonhold.platform.money;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole number of minor units into parts proportional to weights, so that the parts
 * always add up to the whole (apportionment by area, interest to sub-accounts, revenue share).
 *
 * <p>Rounding rule — the largest-remainder (Hamilton) method:
 * <ol>
 *   <li>each part first gets {@code floor(|total| × weight / Σweights)};</li>
 *   <li>the units left over (always fewer than the number of parts) go one each to the parts
 *       with the largest remainders {@code |total| × weight mod Σweights};</li>
 *   <li>equal remainders are broken in favour of the earlier part, so the result is
 *       deterministic and a caller who orders parts (say, by unit number) can state who gets
 *       the odd fen;</li>
 *   <li>a negative total is split as its absolute value and every part negated, so a reversal
 *       splits exactly like the original entry.</li>
 * </ol>
 * A part with weight zero always gets zero. Arithmetic is exact (no floating point).
 */
public final class Allocation {

    private Allocation() {
    }

    public static long[] largestRemainder(long total, long... weights) {
        BigInteger sum = requireValid(weights);
        long max = Arrays.stream(weights).max().orElse(0);
        if (total != Long.MIN_VALUE && sum.bitLength() < 63 && Math.multiplyHigh(Math.abs(total), max) == 0 && Math.abs(total) * max >= 0) {
            return inLongs(total, weights, sum.longValueExact());
        }
        return inBigIntegers(total, weights, sum);
    }

    /**
     * The same rule in long arithmetic, for when no product |total| × weight can overflow (a million
     * sub-accounts' interest): the same parts as {@link #inBigIntegers}, an order of magnitude sooner.
     */
    static long[] inLongs(long total, long[] weights, long sum) {
        long whole = Math.abs(total);
        long[] parts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            long product = whole * weights[i];
            parts[i] = product / sum;
            remainders[i] = product % sum;
            given += parts[i];
        }
        long leftOver = whole - given;
        if (leftOver > 0) {
            giveLeftOver(parts, remainders, (int) leftOver);
        }
        if (total < 0) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }

    /**
     * One more fen to each of the {@code leftOver} largest remainders, a tie to the lower index — what
     * sorting every index by (remainder descending, index ascending) and taking the first
     * {@code leftOver} gives, without sorting a million boxed indices: the cut-off remainder is the
     * {@code leftOver}-th largest; every remainder above it gets a fen, and the rest go to the first
     * indices holding exactly the cut-off.
     */
    private static void giveLeftOver(long[] parts, long[] remainders, int leftOver) {
        long[] sorted = remainders.clone();
        Arrays.sort(sorted);
        long cutOff = sorted[sorted.length - leftOver];
        int atCutOff = leftOver;
        for (int i = 0; i < parts.length; i++) {
            if (remainders[i] > cutOff) {
                parts[i]++;
                atCutOff--;
            }
        }
        for (int i = 0; i < parts.length && atCutOff > 0; i++) {
            if (remainders[i] == cutOff) {
                parts[i]++;
                atCutOff--;
            }
        }
    }

    static long[] inBigIntegers(long total, long[] weights, BigInteger sum) {
        BigInteger whole = BigInteger.valueOf(total).abs();
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long leftOver = whole.longValueExact() - given;
        Integer[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toArray(Integer[]::new);
        for (int k = 0; k < leftOver; k++) {
            parts[byRemainder[k]]++;
        }
        if (total < 0) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }

    private static BigInteger requireValid(long[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        if (Arrays.stream(weights).anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("weights must not be negative: " + Arrays.toString(weights));
        }
        BigInteger sum = Arrays.stream(weights).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        return sum;
    }
}
