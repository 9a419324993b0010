package dev.commonhold.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationTest {

    @Test
    void splitsOneHundredFenThreeWaysWithTheOddFenToTheFirstPart() {
        assertThat(Allocation.largestRemainder(100, 1, 1, 1)).containsExactly(34, 33, 33);
    }

    @Test
    void givesLeftoverFenToTheLargestRemaindersNotToTheLargestParts() {
        // quotas 5.75, 2.125, 2.125 → floors 5, 2, 2; one fen left goes to the .75
        assertThat(Allocation.largestRemainder(10, 46, 17, 17)).containsExactly(6, 2, 2);
    }

    @Test
    void apportionsARoofRepairByExclusiveAreaInCentiSquareMetres() {
        // 12,345.67 yuan over three flats of 89.37, 120.05 and 64.10 m² (rule F4):
        // floors 403,382 / 541,860 / 289,323 leave 2 fen for the two largest remainders
        long[] parts = Allocation.largestRemainder(1_234_567, 8_937, 12_005, 6_410);
        assertThat(Arrays.stream(parts).sum()).isEqualTo(1_234_567);
        assertThat(parts).containsExactly(403_383, 541_861, 289_323);
    }

    @Test
    void partWithZeroWeightGetsNothing() {
        assertThat(Allocation.largestRemainder(7, 0, 1, 0, 1)).containsExactly(0, 4, 0, 3);
    }

    @Test
    void reversalSplitsExactlyLikeTheOriginal() {
        long[] original = Allocation.largestRemainder(1001, 3, 5, 7);
        long[] reversal = Allocation.largestRemainder(-1001, 3, 5, 7);
        for (int i = 0; i < original.length; i++) {
            assertThat(reversal[i]).isEqualTo(-original[i]);
        }
    }

    @Test
    void zeroTotalGivesZeroParts() {
        assertThat(Allocation.largestRemainder(0, 2, 3)).containsExactly(0, 0);
    }

    @Test
    void handlesAmountsAndWeightsWhoseProductOverflowsALong() {
        long[] parts = Allocation.largestRemainder(Long.MAX_VALUE / 2, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
        assertThat(parts[0] + parts[1]).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void rejectsNegativeEmptyAndAllZeroWeights() {
        assertThatThrownBy(() -> Allocation.largestRemainder(10, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsAlwaysSumToTheWholeAndStayWithinOneFenOfTheExactShare() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int run = 0; run < 2_000; run++) {
            long total = random.nextLong(-10_000_000, 10_000_000);
            long[] weights = random.longs(random.nextInt(1, 60), 0, 200_000).toArray();
            if (Arrays.stream(weights).sum() == 0) {
                weights[0] = 1;
            }
            long[] parts = Allocation.largestRemainder(total, weights);

            assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
            BigDecimal sum = BigDecimal.valueOf(Arrays.stream(weights).sum());
            for (int i = 0; i < parts.length; i++) {
                BigDecimal exact = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(weights[i])).divide(sum, MathContext.DECIMAL128);
                assertThat(BigDecimal.valueOf(parts[i]).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
            }
        }
    }

    @org.junit.jupiter.api.RepeatedTest(300)
    void longArithmeticGivesExactlyTheSamePartsAsBigIntegers(org.junit.jupiter.api.RepetitionInfo repetition) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(repetition.getCurrentRepetition() * 1_000_003L);
        long[] weights = random.longs(random.nextInt(1, 300), 0, random.nextBoolean() ? 4 : 100_000_000L).toArray();
        weights[0] = Math.max(1, weights[0]);
        long total = random.nextBoolean() ? random.nextLong(-1_000_000_000L, 1_000_000_000L) : random.nextLong(-50, 50);
        java.math.BigInteger sum = java.util.Arrays.stream(weights).mapToObj(java.math.BigInteger::valueOf)
                .reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add);

        assertThat(Allocation.inLongs(total, weights, sum.longValueExact())).as("seed %d", repetition.getCurrentRepetition())
                .containsExactly(Allocation.inBigIntegers(total, weights, sum));
    }

    @Test
    void whereAProductWouldOverflowALongTheExactPathIsTaken() {
        long[] parts = Allocation.largestRemainder(Long.MAX_VALUE - 1, 3, 3, 3);

        assertThat(java.util.Arrays.stream(parts).mapToObj(java.math.BigInteger::valueOf).reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add))
                .isEqualTo(java.math.BigInteger.valueOf(Long.MAX_VALUE - 1));
    }
}
