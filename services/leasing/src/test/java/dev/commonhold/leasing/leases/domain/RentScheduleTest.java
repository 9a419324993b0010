package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rent schedule: escalation, rent-free months and cycles over 20 years sum exactly; a short last month is pro rata by days. */
class RentScheduleTest {

    private static RentTerms rent(long monthly, int bp, int free, int cycle) {
        return new RentTerms(monthly, bp, free, cycle, 0, 0, 0, 0);
    }

    @Test
    void twentyYearsAtThreePercentWithThreeFreeMonthsQuarterlySumsToTheYearsComputedOnPaper() {
        LeaseTerm term = LeaseTerm.of(LocalDate.of(2026, 1, 1), LocalDate.of(2045, 12, 31), false);
        RentSchedule schedule = RentSchedule.of(term, rent(1_234_567, 300, 3, 3));
        // On paper: year y's monthly rent is year y-1's × 1.03, rounded half up to the fen; the first 3 months are free.
        BigDecimal monthly = BigDecimal.valueOf(1_234_567);
        long expected = 0;
        for (int year = 0; year < 20; year++) {
            if (year > 0) {
                monthly = monthly.multiply(new BigDecimal("1.03")).setScale(0, RoundingMode.HALF_UP);
            }
            expected += monthly.longValueExact() * (year == 0 ? 9 : 12);
        }
        assertThat(schedule.periods()).hasSize(80);
        assertThat(schedule.periods().stream().mapToLong(RentSchedule.Period::amountFen).sum()).isEqualTo(expected).isEqualTo(schedule.totalFen());
        assertThat(schedule.periods().getFirst().amountFen()).as("the first quarter is rent-free").isZero();
        assertThat(schedule.periods().get(4).amountFen()).as("year 2, one step up").isEqualTo(3 * 1_271_604L);
        assertThat(schedule.periods().getLast().dueOn()).isEqualTo(LocalDate.of(2045, 10, 1));
    }

    @Test
    void escalationRoundsHalfUpEachYearFromTheRoundedYearBefore() {
        assertThat(RentSchedule.monthlyRentInYear(100_050, 50, 1)).as("100050 × 1.005 = 100550.25").isEqualTo(100_550);
        assertThat(RentSchedule.monthlyRentInYear(100, 50, 1)).as("100 × 1.005 = 100.5 → 101").isEqualTo(101);
        assertThat(RentSchedule.monthlyRentInYear(100, 50, 2)).as("101 × 1.005 = 101.505 → 102").isEqualTo(102);
    }

    @Test
    void aShortLastMonthIsChargedByItsDays() {
        // 15 January to 14 March is two whole months; to 24 March adds 10 of the 31 days from 15 March to 14 April.
        LeaseTerm term = LeaseTerm.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 24), false);
        RentSchedule schedule = RentSchedule.of(term, rent(310_000, 0, 0, 1));
        assertThat(schedule.months()).hasSize(3);
        assertThat(schedule.months().get(2).amountFen()).isEqualTo(100_000);
        assertThat(schedule.totalFen()).isEqualTo(720_000);
    }

    @Test
    void endingInsideACycleChargesItsDaysUpToTheLastDay() {
        LeaseTerm term = LeaseTerm.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), false);
        RentSchedule schedule = RentSchedule.of(term, rent(310_000, 0, 0, 3));
        assertThat(schedule.periodUpTo(0, LocalDate.of(2026, 2, 10))).as("January whole, 10 of February's 28 days")
                .isEqualTo(310_000 + 110_714);
        assertThat(schedule.periodUpTo(0, LocalDate.of(2025, 12, 31))).isZero();
        assertThat(schedule.periodUpTo(0, LocalDate.of(2026, 3, 31))).isEqualTo(930_000);
    }

    @Test
    void rentFreeMonthsMustLeaveRentToPay() {
        LeaseTerm term = LeaseTerm.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), false);
        assertThatThrownBy(() -> RentSchedule.of(term, rent(100_000, 0, 3, 1)))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("rent.rentFreeMonths"));
        assertThat(RentSchedule.of(term, rent(100_000, 0, 2, 1)).totalFen()).isEqualTo(100_000);
    }

    @Test
    void aScheduleWhoseLargestCycleWouldExceedWhatOneChargeMayBeIsRefused() {
        LeaseTerm term = LeaseTerm.of(LocalDate.of(2026, 1, 1), LocalDate.of(2045, 12, 31), false);
        assertThatThrownBy(() -> RentSchedule.of(term, rent(10_000_000_000L, 5000, 0, 12)))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("rent.monthlyRentFen"));
        // One yearly cycle of exactly the maximum is allowed: 12 × 8,333,333,333 = 99,999,999,996 fen.
        assertThat(RentSchedule.of(term, rent(8_333_333_333L, 0, 0, 12)).periods().getFirst().amountFen()).isEqualTo(99_999_999_996L);
    }

    @Test
    void datesOutsideTheCenturyAreRefused() {
        assertThatThrownBy(() -> LeaseTerm.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 12, 31), false))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("startOn"));
        assertThatThrownBy(() -> LeaseTerm.of(LocalDate.of(2100, 1, 1), LocalDate.of(2100, 12, 31), false))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("startOn"));
        assertThat(LeaseTerm.of(LocalDate.of(2099, 12, 31), LocalDate.of(2119, 12, 30), false).endOn()).isEqualTo(LocalDate.of(2119, 12, 30));
    }

    @Test
    void aMonthlyPenaltyIsCountedInTheRentInForceNotInARentFreeMonth() {
        LeaseTerm term = LeaseTerm.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), false);
        RentSchedule schedule = RentSchedule.of(term, rent(100_000, 1000, 2, 1));
        assertThat(schedule.monthlyRentOn(LocalDate.of(2026, 1, 15))).isEqualTo(100_000);
        assertThat(schedule.monthlyRentOn(LocalDate.of(2027, 3, 1))).isEqualTo(110_000);
    }
}
