package dev.commonhold.franchise.oversight.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The IRR against a hand-computed value and against a spreadsheet's IRR(). */
class IrrTest {

    @Test
    void twoEqualReturnsOnAnInvestmentMatchTheQuadraticSolvedByHand() {
        // 100 = 60/(1+r) + 60/(1+r)²  ⇒  x = 1/(1+r) = (-60 + √(3600 + 24000)) / 120, r = 1/x − 1
        double byHand = 1 / ((-60 + Math.sqrt(27_600)) / 120) - 1;

        assertThat(Irr.of(new long[]{-10_000, 6_000, 6_000}).orElseThrow()).isCloseTo(byHand, within(1e-9)).isCloseTo(0.130662386, within(1e-6));
    }

    @Test
    void matchesTheSpreadsheetsIrrOnItsDocumentedExample() {
        // Microsoft Excel's IRR() help: -70,000 then 12,000, 15,000, 18,000, 21,000, 26,000
        assertThat(Irr.of(new long[]{-7_000_000, 1_200_000, 1_500_000, 1_800_000, 2_100_000, 2_600_000}).orElseThrow())
                .isCloseTo(0.086630948, within(1e-6));
        assertThat(Irr.of(new long[]{-7_000_000, 1_200_000, 1_500_000, 1_800_000, 2_100_000}).orElseThrow()).isCloseTo(-0.021244848, within(1e-6));
        assertThat(Irr.of(new long[]{-7_000_000, 1_200_000, 1_500_000}).orElseThrow()).isCloseTo(-0.443506941, within(1e-6));
    }

    @Test
    void aThirtyMillionYuanRenovationRecoveredOverTwentyYears() {
        long[] flows = new long[21];
        flows[0] = -3_000_000_000L;
        for (int t = 1; t <= 20; t++) {
            flows[t] = 260_000_000L;
        }
        double irr = Irr.of(flows).orElseThrow();

        assertThat(Irr.npv(flows, irr)).as("the NPV at the IRR, in fen").isCloseTo(0, within(1.0));
        assertThat(irr).isCloseTo(0.059267, within(1e-6));
    }

    @Test
    void flowsThatNeverChangeSignHaveNoRate() {
        assertThat(Irr.of(new long[]{-100, -50})).isEmpty();
        assertThat(Irr.of(new long[]{100, 50})).isEmpty();
    }
}
