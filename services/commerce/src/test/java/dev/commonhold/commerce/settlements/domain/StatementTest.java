package dev.commonhold.commerce.settlements.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementTest {

    @Test
    void theNetIsTheSubsidyAndTheProceedsAndIsPaidOutLessWhatWasCarried() {
        // two 15.00 meals, 3.00 subsidy each, 8% commission on the 12.00 paid: 0.96 each
        Statement s = new Statement(2, 0, 3_000, 600, 0, 192, 2_208, 0);
        assertThat(s.netFen()).isEqualTo(3_000 - 192).isEqualTo(s.subsidyFen() + 2_208);
        assertThat(s.payoutFen()).isEqualTo(2_208);
        assertThat(s.carriedOutFen()).isZero();
    }

    @Test
    void refundsBeyondWhatIsDueAreCarriedIntoTheNextSettlementAndTakenFromIt() {
        // a refund of 12.00 after the order was settled: 0.96 back from commission, 11.04 from the merchant, nothing sold since
        Statement after = new Statement(0, 1, 0, 0, 1_200, -96, -1_104, 0);
        assertThat(after.netFen()).isEqualTo(-1_104);
        assertThat(after.payoutFen()).isZero();
        assertThat(after.carriedOutFen()).isEqualTo(-1_104);
        Statement next = new Statement(1, 0, 1_500, 300, 0, 96, 1_104, after.carriedOutFen());
        assertThat(next.payoutFen()).as("exactly what was carried: nothing paid, nothing carried").isZero();
        assertThat(next.carriedOutFen()).isZero();
        Statement oneFenMore = new Statement(1, 0, 1_500, 300, 0, 96, 1_105, after.carriedOutFen());
        assertThat(oneFenMore.payoutFen()).isEqualTo(1);
    }
}
