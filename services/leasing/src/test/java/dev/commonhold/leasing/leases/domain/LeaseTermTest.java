package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** L1 (20 years at most) and L2 (six months or more must be written) at their boundaries. */
class LeaseTermTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void twentyYearsExactlyIsAllowed() {
        LeaseTerm term = LeaseTerm.of(START, LocalDate.of(2045, 12, 31), false);
        assertThat(term.endOn()).isEqualTo(LocalDate.of(2045, 12, 31));
        assertThat(term.cutByL1()).isFalse();
    }

    @Test
    void twentyYearsAndADayIsRefusedNamingL1() {
        assertThatThrownBy(() -> LeaseTerm.of(START, LocalDate.of(2046, 1, 1), false))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("L1");
                    assertThat(e.field()).isEqualTo("endOn");
                    assertThat(e.getMessage()).contains("2045-12-31");
                });
    }

    @Test
    void twentyYearsAndADayIsCutToTwentyYearsWhenAsked() {
        LeaseTerm term = LeaseTerm.of(START, LocalDate.of(2050, 6, 30), true);
        assertThat(term.endOn()).isEqualTo(LocalDate.of(2045, 12, 31));
        assertThat(term.cutByL1()).isTrue();
    }

    @Test
    void aLeapDayStartEndsTheDayBeforeItsTwentiethAnniversary() {
        assertThat(LeaseTerm.lastLegalDay(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2048, 2, 28));
    }

    @Test
    void datesTheWrongWayRoundAreRefusedNamingEndOn() {
        assertThatThrownBy(() -> LeaseTerm.of(START, START.minusDays(1), false))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("endOn"));
        assertThat(LeaseTerm.of(START, START, false).endOn()).as("a one-day lease").isEqualTo(START);
    }

    @Test
    void sixMonthsWithoutAWrittenContractIsOfIndefiniteTermAndADayLessIsNot() {
        LeaseTerm sixMonths = LeaseTerm.of(START, LocalDate.of(2026, 6, 30), false);
        LeaseTerm lessByADay = LeaseTerm.of(START, LocalDate.of(2026, 6, 29), false);
        assertThat(Lease.indefinite(sixMonths, false)).isTrue();
        assertThat(Lease.indefinite(sixMonths, true)).isFalse();
        assertThat(Lease.indefinite(lessByADay, false)).isFalse();
    }

    @Test
    void aWrittenLeaseNeedsItsContractsHash() {
        assertThatThrownBy(() -> Lease.requireContractHash(true, null))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("L2"));
        Lease.requireContractHash(true, "a".repeat(64));
    }

    @Test
    void touchingLeasesDoNotOverlapButSharingADayDoes() {
        LeaseTerm first = LeaseTerm.of(START, LocalDate.of(2026, 12, 31), false);
        assertThat(first.overlaps(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))).isFalse();
        assertThat(first.overlaps(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(first.overlaps(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isFalse();
    }
}
