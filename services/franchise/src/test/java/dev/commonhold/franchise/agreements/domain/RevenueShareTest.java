package dev.commonhold.franchise.agreements.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revenue share: flat rate, marginal bands, a fixed fee and a minimum guarantee, on worked examples. */
class RevenueShareTest {

    /** 10% of everything, 5% more between 1,000,000.00 and 3,000,000.00, 10% more above; minimum 150,000.00 a year. */
    private final RevenueShare tiered = new RevenueShare(0, 1_000, List.of(new RevenueShare.Band(0, 0), new RevenueShare.Band(100_000_000, 500),
            new RevenueShare.Band(300_000_000, 1_000)), 15_000_000, Payee.OWNERS);

    @Test
    void aTieredShareIsMarginalLikeIncomeTax() {
        // 4,000,000.00: 10% of all = 400,000.00; 5% of 2,000,000.00 = 100,000.00; 10% of 1,000,000.00 = 100,000.00
        RevenueShare.Owed owed = tiered.owed(400_000_000, true);

        assertThat(owed.rateFen()).isEqualTo(40_000_000);
        assertThat(owed.bandsFen()).isEqualTo(20_000_000);
        assertThat(owed.minimumTopUpFen()).isZero();
        assertThat(owed.totalFen()).isEqualTo(60_000_000);
    }

    @Test
    void atABandsEdgeNothingOfTheNextBandIsOwedAndOneFenOverOwesItsRate() {
        assertThat(tiered.owed(300_000_000, true).bandsFen()).as("exactly at 3,000,000.00").isEqualTo(10_000_000);
        // one fen over: 5% of 200,000,000 fen + 10% of 1 fen (0.1 fen, rounds to 0)
        assertThat(tiered.owed(300_000_001, true).bandsFen()).isEqualTo(10_000_000);
        assertThat(tiered.owed(300_000_005, true).bandsFen()).as("10% of 5 fen is half a fen: half up").isEqualTo(10_000_001);
    }

    @Test
    void theMinimumGuaranteeIsAFloorNotAnAddition() {
        // 1,200,000.00: 120,000.00 + 5% of 200,000.00 = 130,000.00, topped up to the 150,000.00 guaranteed
        RevenueShare.Owed owed = tiered.owed(120_000_000, true);

        assertThat(owed.rateFen() + owed.bandsFen()).isEqualTo(13_000_000);
        assertThat(owed.minimumTopUpFen()).isEqualTo(2_000_000);
        assertThat(owed.totalFen()).isEqualTo(15_000_000);
    }

    @Test
    void beforeTheYearClosesOnlyTheVariablePartIsOwedToDate() {
        RevenueShare fixedAndMinimum = new RevenueShare(5_000_000, 2_000, List.of(), 30_000_000, Payee.OWNERS);

        assertThat(fixedAndMinimum.owed(10_000_000, false).totalFen()).as("20% of 100,000.00 so far").isEqualTo(2_000_000);
        assertThat(fixedAndMinimum.owed(10_000_000, true).totalFen()).as("closed: the minimum applies").isEqualTo(30_000_000);
        assertThat(fixedAndMinimum.owed(200_000_000, true).totalFen()).as("50,000.00 fixed + 20% of 2,000,000.00").isEqualTo(45_000_000);
    }

    @Test
    void aRateOverOneHundredPercentOrBandsOutOfOrderAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new RevenueShare(0, 10_001, List.of(), 0, Payee.OWNERS)).isInstanceOfSatisfying(InvalidTerms.class,
                e -> assertThat(e.field()).isEqualTo("rateBasisPoints"));
        assertThatThrownBy(() -> new RevenueShare(0, 1_000, List.of(new RevenueShare.Band(0, 100), new RevenueShare.Band(0, 200)), 0, Payee.OWNERS))
                .isInstanceOfSatisfying(InvalidTerms.class, e -> assertThat(e.field()).isEqualTo("bands[1].fromFen"));
        assertThatThrownBy(() -> new RevenueShare(0, 9_000, List.of(new RevenueShare.Band(0, 1_001)), 0, Payee.OWNERS))
                .isInstanceOfSatisfying(InvalidTerms.class, e -> assertThat(e.field()).isEqualTo("bands[0].rateBasisPoints"));
    }
}
