package dev.commonhold.billing.invoicing.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules P4 (late fees simple and capped) and P5 (arrears aged, prescription after 3 years). */
class LateFeeAndArrearsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 1, 31);

    @Test
    void lateFeeIsSimpleOnThePrincipalOnly() {
        // 0.05% a day on 10,000 fen: 5 fen a day; 100 days → 500 fen (compound would be 512)
        LateFee fee = new LateFee(5, 3_000);
        assertThat(fee.accrued(10_000, DUE, DUE)).isZero();
        assertThat(fee.accrued(10_000, DUE, DUE.plusDays(1))).isEqualTo(5);
        assertThat(fee.accrued(10_000, DUE, DUE.plusDays(100))).isEqualTo(500);
    }

    @Test
    void lateFeeStopsAtItsCap() {
        // cap 30% of 10,000 = 3,000 fen, reached after 600 days at 5 fen a day
        LateFee fee = new LateFee(5, 3_000);
        assertThat(fee.accrued(10_000, DUE, DUE.plusDays(599))).isEqualTo(2_995);
        assertThat(fee.accrued(10_000, DUE, DUE.plusDays(600))).isEqualTo(3_000);
        assertThat(fee.accrued(10_000, DUE, DUE.plusDays(601))).isEqualTo(3_000);
        assertThat(fee.accrued(10_000, DUE, DUE.plusDays(5_000))).isEqualTo(3_000);
    }

    @Test
    void aCapOfExactlyThirtyPercentIsAllowedOneBasisPointMoreIsRefusedNamingP4() {
        assertThat(new LateFee(5, 3_000).capBasisPoints()).isEqualTo(3_000);
        assertThatThrownBy(() -> new LateFee(5, 3_001)).isInstanceOf(BillingRuleViolation.class)
                .hasMessageContaining("rule P4").extracting(e -> ((BillingRuleViolation) e).rule()).isEqualTo("P4");
    }

    @Test
    void aFractionOfAFenOfLateFeeIsNeverCharged() {
        // 0.01% a day on 99 fen = 0.0099 fen a day: nothing until a whole fen has accrued
        LateFee fee = new LateFee(1, 3_000);
        assertThat(fee.accrued(99, DUE, DUE.plusDays(101))).isZero();
        assertThat(fee.accrued(99, DUE, DUE.plusDays(102))).isEqualTo(1);
    }

    @Test
    void arrearsAgeInBucketsAtTheirBoundaries() {
        assertThat(Arrears.bucket(DUE, DUE)).isNull();
        assertThat(Arrears.bucket(DUE, DUE.plusDays(1))).isEqualTo(Arrears.Bucket.DAYS_1_30);
        assertThat(Arrears.bucket(DUE, DUE.plusDays(30))).isEqualTo(Arrears.Bucket.DAYS_1_30);
        assertThat(Arrears.bucket(DUE, DUE.plusDays(31))).isEqualTo(Arrears.Bucket.DAYS_31_90);
        assertThat(Arrears.bucket(DUE, DUE.plusDays(90))).isEqualTo(Arrears.Bucket.DAYS_31_90);
        assertThat(Arrears.bucket(DUE, DUE.plusDays(91))).isEqualTo(Arrears.Bucket.DAYS_91_365);
        assertThat(Arrears.bucket(DUE, DUE.plusDays(365))).isEqualTo(Arrears.Bucket.DAYS_91_365);
        assertThat(Arrears.bucket(DUE, DUE.plusDays(366))).isEqualTo(Arrears.Bucket.OVER_A_YEAR);
    }

    @Test
    void aClaimStandsOnExactlyThreeYearsAndPrescribesTheDayAfterRuleP5() {
        LocalDate threeYears = LocalDate.of(2029, 1, 31);
        assertThat(Arrears.prescribesOn(DUE)).isEqualTo(threeYears.plusDays(1));
        assertThat(Arrears.prescribed(DUE, threeYears)).isFalse();
        assertThat(Arrears.prescribed(DUE, threeYears.plusDays(1))).isTrue();
    }
}
