package dev.commonhold.fund.interest.domain;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule F2: how long a balance counts in a period, and the amount a rate gives. */
class InterestPeriodTest {

    private static final LocalDate JULY_1 = LocalDate.parse("2026-07-01");
    private static final LocalDate SEPT_30 = LocalDate.parse("2026-09-30");

    @Test
    void aBalanceCountsFromItsDayToThePeriodsLastDayBothIncluded() {
        InterestPeriod q3 = new InterestPeriod(JULY_1, SEPT_30, 100L, null);

        assertThat(q3.days()).isEqualTo(92);
        assertThat(q3.daysHeld(LocalDate.parse("2026-06-30"))).as("held before the period: all of it").isEqualTo(92);
        assertThat(q3.daysHeld(JULY_1)).isEqualTo(92);
        assertThat(q3.daysHeld(SEPT_30)).as("paid in on the last day: that day").isEqualTo(1);
    }

    @Test
    void aRateGivesTheAmountHalfUpToTheFenOnce() {
        InterestPeriod byRate = new InterestPeriod(JULY_1, SEPT_30, null, 150);

        assertThat(byRate.total(BigInteger.valueOf(1_000_000L * 365))).as("10,000 yuan for a year at 1.50%").isEqualTo(15_000);
        assertThat(byRate.total(BigInteger.valueOf(12_166))).as("12,166 fen-days at 1.5%: 0.49997 fen rounds down").isEqualTo(0);
        assertThat(byRate.total(BigInteger.valueOf(12_167))).as("12,167 fen-days: 0.50001 fen rounds up").isEqualTo(1);
        assertThat(new InterestPeriod(JULY_1, SEPT_30, null, 1_000).total(BigInteger.valueOf(1_825))).as("1,825 fen-days at 10%: exactly half a fen rounds up").isEqualTo(1);
        assertThat(new InterestPeriod(JULY_1, SEPT_30, null, 1_000).total(BigInteger.valueOf(1_824))).isEqualTo(0);
        assertThat(new InterestPeriod(JULY_1, SEPT_30, 777L, null).total(BigInteger.ONE)).as("the bank's amount as it is").isEqualTo(777);
    }

    @Test
    void nonsensePeriodsAndAmountsAreRefused() {
        assertThat(new InterestPeriod(JULY_1, JULY_1.plusDays(365), 1L, null).days()).isEqualTo(366);
        assertThatThrownBy(() -> new InterestPeriod(JULY_1, JULY_1.plusDays(366), 1L, null)).isInstanceOf(FundRuleViolation.class);
        assertThatThrownBy(() -> new InterestPeriod(SEPT_30, JULY_1, 1L, null)).hasMessageContaining("later");
        assertThatThrownBy(() -> new InterestPeriod(JULY_1, SEPT_30, null, null)).hasMessageContaining("either");
        assertThatThrownBy(() -> new InterestPeriod(JULY_1, SEPT_30, 1L, 150)).hasMessageContaining("either");
        assertThatThrownBy(() -> new InterestPeriod(JULY_1, SEPT_30, 0L, null)).isInstanceOf(FundRuleViolation.class);
    }

    /** On random sub-accounts: the interest credited sums to the amount to the fen, and nobody without balance-days gets any. */
    @org.junit.jupiter.api.RepeatedTest(300)
    void interestSumsToTheAmountWhateverTheBalances(org.junit.jupiter.api.RepetitionInfo repetition) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(repetition.getCurrentRepetition() * 2_027L);
        InterestPeriod period = random.nextBoolean() ? new InterestPeriod(JULY_1, SEPT_30, random.nextLong(1, 1_000_000_000L), null)
                : new InterestPeriod(JULY_1, SEPT_30, null, random.nextInt(1, 2_001));
        long[] balanceDays = new long[random.nextInt(1, 500)];
        for (int i = 0; i < balanceDays.length; i++) {
            balanceDays[i] = random.nextInt(5) == 0 ? 0 : random.nextLong(1, 10_000_000L) * random.nextInt(1, period.days() + 1);
        }
        balanceDays[0] = Math.max(1, balanceDays[0]);
        long total = period.total(java.util.Arrays.stream(balanceDays).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add));
        if (total == 0) {
            return;
        }

        long[] parts = dev.commonhold.platform.money.Allocation.largestRemainder(total, balanceDays);

        assertThat(java.util.Arrays.stream(parts).sum()).as("seed %d", repetition.getCurrentRepetition()).isEqualTo(total);
        for (int i = 0; i < parts.length; i++) {
            if (balanceDays[i] == 0) {
                assertThat(parts[i]).isZero();
            }
        }
    }
}
