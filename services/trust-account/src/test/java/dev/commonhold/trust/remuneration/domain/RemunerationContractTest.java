package dev.commonhold.trust.remuneration.domain;

import org.junit.jupiter.api.Test;

import static dev.commonhold.trust.remuneration.domain.RemunerationContract.Kind.FIXED;
import static dev.commonhold.trust.remuneration.domain.RemunerationContract.Kind.PERCENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule T2, remuneration model: a fixed fee, or a share of income with a cap; exact to the fen. */
class RemunerationContractTest {

    @Test
    void aFixedFeeIsTheSameWhateverTheIncome() {
        assertThat(new RemunerationContract(FIXED, 800_000, 0, 0).forMonth(0)).isEqualTo(800_000);
        assertThat(new RemunerationContract(FIXED, 800_000, 0, 0).forMonth(99_999_999)).isEqualTo(800_000);
    }

    @Test
    void aShareIsRoundedHalfUpToTheFen() {
        RemunerationContract tenPercent = new RemunerationContract(PERCENT, 0, 1_000, 10_000_000);
        assertThat(tenPercent.forMonth(12_345)).as("1234.5 fen").isEqualTo(1_235);
        assertThat(tenPercent.forMonth(12_344)).as("1234.4 fen").isEqualTo(1_234);
        assertThat(new RemunerationContract(PERCENT, 0, 5_000, 100).forMonth(1)).as("0.5 fen").isEqualTo(1);
    }

    @Test
    void theCapHoldsExactlyAndOneFenOver() {
        RemunerationContract capped = new RemunerationContract(PERCENT, 0, 1_000, 100_000);
        assertThat(capped.forMonth(1_000_000)).as("exactly at the cap").isEqualTo(100_000);
        assertThat(capped.forMonth(1_000_010)).as("one fen over the cap").isEqualTo(100_000);
        assertThat(capped.forMonth(999_990)).isEqualTo(99_999);
    }

    @Test
    void noIncomeOrLessThanNoneGivesNothing() {
        RemunerationContract share = new RemunerationContract(PERCENT, 0, 1_000, 100_000);
        assertThat(share.forMonth(0)).isZero();
        assertThat(share.forMonth(-5_000)).isZero();
    }

    @Test
    void termsOutsideTheirBoundsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new RemunerationContract(PERCENT, 0, 5_001, 100)).hasMessageStartingWith("basisPoints");
        assertThatThrownBy(() -> new RemunerationContract(PERCENT, 0, 100, 0)).hasMessageStartingWith("capFen");
        assertThatThrownBy(() -> new RemunerationContract(FIXED, 0, 0, 0)).hasMessageStartingWith("fixedFen");
        assertThat(new RemunerationContract(PERCENT, 0, 5_000, 1).basisPoints()).as("50 % exactly").isEqualTo(5_000);
    }
}
