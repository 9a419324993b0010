package dev.commonhold.commerce.orders.domain;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundSplitTest {

    @Test
    void aPartialRefundIsTakenInProportionAndTheRestTakesExactlyWhatIsLeft() {
        long[] parts = {96, 0, 1_104}; // a 12.00 yuan payment: 0.96 commission, 11.04 merchant
        RefundSplit first = RefundSplit.of(500, parts);
        assertThat(first).isEqualTo(new RefundSplit(500, 40, 0, 460));
        RefundSplit rest = RefundSplit.of(700, new long[]{parts[0] - 40, 0, parts[2] - 460});
        assertThat(rest).isEqualTo(new RefundSplit(700, 56, 0, 644));
        assertThat(first.communityCommissionFen() + rest.communityCommissionFen()).isEqualTo(96);
    }

    @Test
    void refundsInAnyPiecesNeverTakeAPartBelowZeroAndTogetherTakeEachPartWhole() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long[] left = {random.nextLong(0, 5_000), random.nextLong(0, 500), random.nextLong(0, 100_000)};
            long[] original = left.clone();
            long total = left[0] + left[1] + left[2];
            while (total > 0) {
                long refund = random.nextLong(1, total + 1);
                RefundSplit s = RefundSplit.of(refund, left);
                assertThat(s.communityCommissionFen() + s.operatorCommissionFen() + s.merchantFen()).isEqualTo(refund);
                left = new long[]{left[0] - s.communityCommissionFen(), left[1] - s.operatorCommissionFen(), left[2] - s.merchantFen()};
                assertThat(java.util.Arrays.stream(left).min().orElse(0)).isNotNegative();
                total -= refund;
            }
            assertThat(left).as("from %s", java.util.Arrays.toString(original)).containsExactly(0, 0, 0);
        }
    }

    @Test
    void oneFenMoreThanIsLeftIsRefused() {
        assertThat(RefundSplit.of(1_200, new long[]{96, 0, 1_104})).isEqualTo(new RefundSplit(1_200, 96, 0, 1_104));
        assertThatThrownBy(() -> RefundSplit.of(1_201, new long[]{96, 0, 1_104})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefundSplit.of(0, new long[]{96, 0, 1_104})).isInstanceOf(IllegalArgumentException.class);
    }
}
