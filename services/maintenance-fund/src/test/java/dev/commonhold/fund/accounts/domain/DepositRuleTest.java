package dev.commonhold.fund.accounts.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule F1 (the initial deposit) and rule F3 (the top-up line) at their edges. */
class DepositRuleTest {

    @Test
    void aFlatRatePerSquareMetreIsRoundedHalfUpToTheFenF1() {
        DepositRule beijing = new DepositRule.FlatPerM2(10_000); // 100 yuan/m²

        assertThat(beijing.depositFen(8_850)).as("88.50 m²").isEqualTo(885_000);
        assertThat(new DepositRule.FlatPerM2(500).depositFen(8_851)).as("88.51 m² × 5 yuan = 442.55 yuan").isEqualTo(44_255);
        assertThat(new DepositRule.FlatPerM2(150).depositFen(1)).as("0.01 m² × 1.50 yuan = 1.5 fen, half up").isEqualTo(2);
        assertThat(new DepositRule.FlatPerM2(149).depositFen(1)).as("1.49 fen rounds down").isEqualTo(1);
    }

    @Test
    void aShareOfTheConstructionCostIsExactToTheFenF1() {
        DepositRule hangzhou = new DepositRule.PercentOfCost(250_000, 500); // 5% of 2,500 yuan/m²

        assertThat(hangzhou.depositFen(10_000)).as("100 m² × 2,500 × 5% = 12,500 yuan").isEqualTo(1_250_000);
        assertThat(new DepositRule.PercentOfCost(250_000, 800).depositFen(10_000)).as("8%").isEqualTo(2_000_000);
        assertThat(new DepositRule.PercentOfCost(1, 5_000).depositFen(1)).as("0.005 fen rounds down").isZero();
        assertThat(new DepositRule.PercentOfCost(3, 5_000).depositFen(1)).as("0.015 fen rounds down").isZero();
        assertThat(new DepositRule.PercentOfCost(100, 5_000).depositFen(1)).as("0.5 fen, half up").isEqualTo(1);
    }

    @Test
    void nonsenseRatesAreRefused() {
        assertThatThrownBy(() -> new DepositRule.FlatPerM2(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DepositRule.PercentOfCost(250_000, 10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyThirtyPercentIsNotBelowTheLineOneFenLessIsF3() {
        UUID unit = UUID.randomUUID();
        assertThat(account(unit, 1_000_000, 300_000).belowTopUpLine()).as("exactly 30%").isFalse();
        assertThat(account(unit, 1_000_000, 299_999).belowTopUpLine()).as("one fen below 30%").isTrue();
        assertThat(account(unit, 1_000_001, 300_000).belowTopUpLine()).as("30% of 10,000.01 yuan is 3,000.003: 3,000.00 is below").isTrue();
        assertThat(account(unit, 0, 0).belowTopUpLine()).as("no deposit asked, no top-up").isFalse();
        assertThat(account(unit, 1_000_000, 299_999).topUpFen()).as("back up to the initial deposit").isEqualTo(700_001);
    }

    private static SubAccount account(UUID unit, long initial, long balance) {
        return new SubAccount(unit, UUID.randomUUID(), initial, balance, SubAccount.DepositState.PAID, false);
    }
}
