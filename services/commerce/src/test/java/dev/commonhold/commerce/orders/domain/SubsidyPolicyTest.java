package dev.commonhold.commerce.orders.domain;

import dev.commonhold.commerce.merchants.domain.LockerTerms;
import dev.commonhold.commerce.merchants.domain.OfferingKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubsidyPolicyTest {

    private final SubsidyPolicy shenzhen = new SubsidyPolicy(List.of(new SubsidyPolicy.Band(OfferingKind.MEAL, 60, 79, 300),
            new SubsidyPolicy.Band(OfferingKind.MEAL, 80, null, 500), new SubsidyPolicy.Band(OfferingKind.ELDERLY_CARE, 60, null, 2_000)));

    @Test
    void theBandIsTheAgeOnTheServiceDayAtItsEdges() {
        LocalDate serviceDay = LocalDate.of(2026, 12, 1);
        assertThat(SubsidyPolicy.age(LocalDate.of(1966, 12, 2), serviceDay)).as("60 tomorrow").isEqualTo(59);
        assertThat(shenzhen.entitled(OfferingKind.MEAL, SubsidyPolicy.age(LocalDate.of(1966, 12, 2), serviceDay), 1, 0)).isZero();
        assertThat(shenzhen.entitled(OfferingKind.MEAL, SubsidyPolicy.age(LocalDate.of(1966, 12, 1), serviceDay), 1, 0)).as("60 today").isEqualTo(300);
        assertThat(shenzhen.entitled(OfferingKind.MEAL, 79, 1, 0)).as("79").isEqualTo(300);
        assertThat(shenzhen.entitled(OfferingKind.MEAL, 80, 1, 0)).as("80").isEqualTo(500);
        assertThat(shenzhen.entitled(OfferingKind.HOME_SERVICE, 90, 1, 0)).as("no band for a home service").isZero();
        assertThat(shenzhen.entitled(OfferingKind.MEAL, null, 1, 0)).as("an age nobody checked carries no subsidy").isZero();
    }

    @Test
    void aSubsidyFeedsOnePersonOnceADayOfEachKind() {
        assertThat(shenzhen.entitled(OfferingKind.MEAL, 76, 100, 0)).as("a hundred meals: one subsidised").isEqualTo(300);
        assertThat(shenzhen.entitled(OfferingKind.MEAL, 76, 1, 1)).as("the second order of the day").isZero();
        assertThat(shenzhen.entitled(OfferingKind.ELDERLY_CARE, 76, 1, 0)).as("a session the same day is another kind").isEqualTo(2_000);
    }

    @Test
    void aLeapDayBirthdayCountsOnTheFirstOfMarchInACommonYear() {
        LocalDate born = LocalDate.of(1964, 2, 29);
        assertThat(SubsidyPolicy.age(born, LocalDate.of(2024, 2, 28))).isEqualTo(59);
        assertThat(SubsidyPolicy.age(born, LocalDate.of(2024, 2, 29))).isEqualTo(60);
        assertThat(SubsidyPolicy.age(born, LocalDate.of(2025, 2, 28))).isEqualTo(60);
    }

    @Test
    void aLockerParcelIsFreeForItsFreeHoursThenChargedPerStartedDayCapped() {
        LockerTerms terms = new LockerTerms(24, 100, 500);
        Instant stored = Instant.parse("2026-12-01T08:00:00Z");
        assertThat(terms.overdueFee(stored, stored.plus(Duration.ofHours(24)))).as("exactly the free hours").isZero();
        assertThat(terms.overdueFee(stored, stored.plus(Duration.ofHours(24)).plusSeconds(1))).as("a second over: a started day").isEqualTo(100);
        assertThat(terms.overdueFee(stored, stored.plus(Duration.ofHours(48)))).isEqualTo(100);
        assertThat(terms.overdueFee(stored, stored.plus(Duration.ofHours(48)).plusSeconds(1))).isEqualTo(200);
        assertThat(terms.overdueFee(stored, stored.plus(Duration.ofDays(400)))).as("capped").isEqualTo(500);
        assertThat(new LockerTerms(0, 1_000_000, 1_000_000).overdueFee(stored, stored.plus(Duration.ofDays(100_000)))).isEqualTo(1_000_000);
    }
}
