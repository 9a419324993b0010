package dev.commonhold.billing.invoicing.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule P1: fee = area × price per m² per month × months, a price change pro rata by days, rounded once. */
class PropertyFeeTest {

    private static final UnitPrice PRICE_150 = new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 150);

    @Test
    void oneMonthIsAreaTimesPrice() {
        // 89.50 m² × 1.50 yuan = 134.25 yuan
        assertThat(PropertyFee.of(8_950, new Period(YearMonth.of(2026, 12), 1), List.of(PRICE_150))).isEqualTo(13_425);
    }

    @Test
    void aQuarterIsThreeMonthsRoundedOnceNotThreeRoundedMonths() {
        // 66.67 m² × 1.55 yuan = 103.3385 yuan a month: three rounded months would be 3 × 10,334 = 31,002 fen;
        // the exact quarter is 310.0155 yuan → 31,002 fen too, so take a price where it differs: 1.57 → 104.6719 a month.
        UnitPrice price = new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 157);
        long quarter = PropertyFee.of(6_667, new Period(YearMonth.of(2027, 1), 3), List.of(price));
        assertThat(quarter).isEqualTo(31_402); // 314.0157 yuan exact → 31,402 fen (3 rounded months: 3 × 10,467 = 31,401)
    }

    @Test
    void aPriceChangeMidMonthCountsEachPriceForItsDays() {
        // November 2026 has 30 days; 1.50 until the 15th, 1.80 from the 16th: 100 m² × (1.50 × 15 + 1.80 × 15) / 30 = 165.00 yuan
        UnitPrice raised = new UnitPrice("RESIDENTIAL", LocalDate.of(2026, 11, 16), 180);
        assertThat(PropertyFee.of(10_000, new Period(YearMonth.of(2026, 11), 1), List.of(PRICE_150, raised))).isEqualTo(16_500);
    }

    @Test
    void aPriceChangeOnTheFirstOfTheMonthAppliesToTheWholeMonth() {
        UnitPrice raised = new UnitPrice("RESIDENTIAL", LocalDate.of(2026, 12, 1), 180);
        assertThat(PropertyFee.of(10_000, new Period(YearMonth.of(2026, 12), 1), List.of(PRICE_150, raised))).isEqualTo(18_000);
        assertThat(PropertyFee.of(10_000, new Period(YearMonth.of(2026, 11), 1), List.of(PRICE_150, raised))).isEqualTo(15_000);
    }

    @Test
    void aPriceChangeOnTheLastDayCountsOneDayOfThirtyOne() {
        // 31 days: 100 m² × (1.50 × 30 + 1.81 × 1) / 31 = 151.00 yuan exactly (4,681 / 31 = 151)
        UnitPrice raised = new UnitPrice("RESIDENTIAL", LocalDate.of(2026, 12, 31), 181);
        assertThat(PropertyFee.of(10_000, new Period(YearMonth.of(2026, 12), 1), List.of(PRICE_150, raised))).isEqualTo(15_100);
    }

    @Test
    void halfAFenRoundsUpAndLessRoundsDown() {
        // 0.01 m² × 0.50 yuan = 0.005 yuan = 0.5 fen → 1 fen; 0.01 m² × 0.49 yuan = 0.49 fen → 0
        assertThat(PropertyFee.of(1, new Period(YearMonth.of(2026, 12), 1), List.of(new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 50)))).isEqualTo(1);
        assertThat(PropertyFee.of(1, new Period(YearMonth.of(2026, 12), 1), List.of(new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 49)))).isZero();
    }

    @Test
    void noPriceYetMeansNoFeeForThoseDays() {
        UnitPrice fromMid = new UnitPrice("RESIDENTIAL", LocalDate.of(2026, 11, 16), 150);
        assertThat(PropertyFee.of(10_000, new Period(YearMonth.of(2026, 11), 1), List.of(fromMid))).isEqualTo(7_500);
    }

    @Test
    void twelveMonthsIsAPeriodThirteenIsNotRuleP2() {
        assertThat(new Period(YearMonth.of(2027, 1), 12).end()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThatThrownBy(() -> new Period(YearMonth.of(2027, 1), 13)).isInstanceOf(BillingRuleViolation.class)
                .extracting(e -> ((BillingRuleViolation) e).rule()).isEqualTo("P2");
    }

    @Test
    void twelveMonthsPrepaidIsAllowedThirteenIsRefusedNamingP2() {
        assertThat(Prepayment.requireMonths(12)).isEqualTo(12);
        assertThatThrownBy(() -> Prepayment.requireMonths(13)).isInstanceOf(BillingRuleViolation.class)
                .hasMessageContaining("rule P2").extracting(e -> ((BillingRuleViolation) e).field()).isEqualTo("months");
        assertThatThrownBy(() -> Prepayment.requireMonths(0)).isInstanceOf(BillingRuleViolation.class);
    }

    @Test
    void aPriceAboveOneThousandYuanPerSquareMetreIsATypo() {
        assertThat(new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 100_000).fenPerSquareMetreMonth()).isEqualTo(100_000);
        assertThatThrownBy(() -> new UnitPrice("RESIDENTIAL", LocalDate.of(2020, 1, 1), 100_001)).isInstanceOf(BillingRuleViolation.class);
    }
}
