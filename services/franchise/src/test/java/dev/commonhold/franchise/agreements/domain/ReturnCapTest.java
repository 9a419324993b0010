package dev.commonhold.franchise.agreements.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FR3: a 6% cap on 30,000,000.00 yuan of capital, 50% shared up to 2 points above it, 80% beyond. */
class ReturnCapTest {

    private static final long CAPITAL = 3_000_000_000L;
    private final ReturnCap cap = new ReturnCap(ReturnCap.Metric.ROIC, 600, List.of(new ReturnCap.ExcessBand(0, 5_000),
            new ReturnCap.ExcessBand(200, 8_000)));

    @Test
    void exactlyAtTheCapNothingIsSharedAndOneFenOverSharesHalfAFenRoundedUp() {
        assertThat(cap.excess(180_000_000, CAPITAL)).isEqualTo(new ReturnCap.Excess(180_000_000, 0, 0));
        assertThat(cap.excess(180_000_001, CAPITAL)).isEqualTo(new ReturnCap.Excess(180_000_000, 1, 1));
    }

    @Test
    void sevenPercentSharesHalfOfTheOnePointAboveTheCap() {
        assertThat(cap.excess(210_000_000, CAPITAL).shareDueFen()).isEqualTo(15_000_000);
    }

    @Test
    void atTheSecondBandsEdgeAndAboveIt() {
        // 8% exactly: 50% of 600,000.00
        assertThat(cap.excess(240_000_000, CAPITAL).shareDueFen()).isEqualTo(30_000_000);
        // 10%: 50% of 600,000.00 + 80% of 600,000.00
        assertThat(cap.excess(300_000_000, CAPITAL)).isEqualTo(new ReturnCap.Excess(180_000_000, 120_000_000, 78_000_000));
    }

    @Test
    void aLossSharesNothing() {
        assertThat(cap.excess(-50_000_000, CAPITAL).shareDueFen()).isZero();
    }

    @Test
    void theFirstBandMustStartAtTheCap() {
        assertThatThrownBy(() -> new ReturnCap(ReturnCap.Metric.IRR, 600, List.of(new ReturnCap.ExcessBand(100, 5_000))))
                .isInstanceOfSatisfying(InvalidTerms.class, e -> assertThat(e.field()).isEqualTo("excessBands[0].aboveCapBasisPoints"));
    }
}
