package dev.commonhold.commerce.orders.domain;

import dev.commonhold.commerce.merchants.domain.CommissionTerms;
import dev.commonhold.commerce.merchants.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose each fen of an order is: the parts always add up to the order's total, to the fen. */
class OrderPriceTest {

    @Test
    void aCanteenMealWithTheElderlySubsidy() {
        // 15.00 yuan meal, 3.00 yuan subsidy (Shenzhen, 60–79), 8% commission, all of it the community's
        OrderPrice p = OrderPrice.of(1_500, 300, new CommissionTerms(800, 0, 10_000));
        assertThat(p).isEqualTo(new OrderPrice(1_500, 300, 1_200, 96, 0, 1_104));
    }

    @Test
    void commissionIsRoundedHalfUpAndSharedByLargestRemainderTheCommunityFirstOnATie() {
        // 8% of 1,006 fen = 80.48 → 80; 8% of 1,007 = 80.56 → 81; 5% of 10 = 0.5 → 1 (half up)
        assertThat(OrderPrice.of(1_006, 0, new CommissionTerms(800, 0, 10_000)).communityCommissionFen()).isEqualTo(80);
        assertThat(OrderPrice.of(1_007, 0, new CommissionTerms(800, 0, 10_000)).communityCommissionFen()).isEqualTo(81);
        assertThat(OrderPrice.of(10, 0, new CommissionTerms(500, 0, 10_000)).communityCommissionFen()).isEqualTo(1);
        OrderPrice halves = OrderPrice.of(1_000, 0, new CommissionTerms(10, 0, 5_000)); // 1 fen of commission, half each
        assertThat(halves.communityCommissionFen()).as("the odd fen to the community").isEqualTo(1);
        assertThat(halves.operatorCommissionFen()).isZero();
    }

    @Test
    void commissionIsNeverMoreThanTheBuyerPaysAndNothingOfASubsidy() {
        CommissionTerms fixed = new CommissionTerms(0, 200, 6_000); // 2.00 yuan per order
        assertThat(OrderPrice.of(150, 0, fixed)).as("the fixed fee capped at what is paid")
                .isEqualTo(new OrderPrice(150, 0, 150, 90, 60, 0));
        assertThat(OrderPrice.of(1_000, 1_000, fixed)).as("wholly subsidised: the buyer pays nothing, no commission")
                .isEqualTo(new OrderPrice(1_000, 1_000, 0, 0, 0, 0));
        assertThat(OrderPrice.of(1_000, 1_500, fixed).subsidyFen()).as("a subsidy is never more than the order").isEqualTo(1_000);
        assertThat(OrderPrice.of(1_000, 999, fixed)).as("one fen to pay: commission of at most that fen")
                .isEqualTo(new OrderPrice(1_000, 999, 1, 1, 0, 0));
    }

    @Test
    void everySplitAddsUpToTheFen() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            long gross = random.nextLong(0, 100_000_000);
            long subsidy = random.nextInt(4) == 0 ? 0 : random.nextLong(0, gross + 2);
            CommissionTerms terms = new CommissionTerms(random.nextInt(0, 10_001), random.nextLong(0, 1_000), random.nextInt(0, 10_001));
            OrderPrice p = OrderPrice.of(gross, subsidy, terms);
            assertThat(p.subsidyFen() + p.payerFen()).as("gross %d subsidy %d %s", gross, subsidy, terms).isEqualTo(gross);
            assertThat(p.communityCommissionFen() + p.operatorCommissionFen() + p.merchantFen()).isEqualTo(p.payerFen());
            assertThat(p.merchantFen()).isNotNegative();
            assertThat(p.operatorCommissionFen()).isNotNegative();
        }
    }

    @Test
    void anAgreementOutsideItsBoundsIsRefusedNamingTheField() {
        assertThat(new CommissionTerms(10_000, 0, 10_000).on(999)).as("exactly 100%").containsExactly(999, 0);
        assertThatThrownBy(() -> new CommissionTerms(10_001, 0, 0)).isInstanceOf(InvalidRequest.class)
                .extracting(e -> ((InvalidRequest) e).field()).isEqualTo("commission.rateBasisPoints");
        assertThatThrownBy(() -> new CommissionTerms(0, 0, -1)).extracting(e -> ((InvalidRequest) e).field())
                .isEqualTo("commission.communityShareBasisPoints");
        assertThatThrownBy(() -> OrderPrice.gross(100_000_000, 2)).extracting(e -> ((InvalidRequest) e).field()).isEqualTo("quantity");
        assertThat(OrderPrice.gross(1_000_000, 100)).as("exactly the most one charge may be").isEqualTo(100_000_000);
    }
}
