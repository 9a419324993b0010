package dev.commonhold.parking.tariffs.domain;

import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
import dev.commonhold.parking.lots.domain.SpaceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule K3 at its boundaries: the free period, started units, the night rate, the daily cap, a tariff change, several days. */
class PricingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant PLAN_FROM = at(2026, 1, 1, 0, 0);

    /** 30 min free; 6 yuan the first hour, 4 yuan each hour after; night 19:00–07:00 at 1 yuan/hour; 40 yuan per 24 h. */
    static TariffPlan hourly(Instant from) {
        return new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, from, 30, 60, 600, 400, LocalTime.of(19, 0), LocalTime.of(7, 0), 100L, 4000L);
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
    }

    static long price(Instant entry, Duration stay, TariffPlan... plans) {
        return Pricing.of(entry, entry.plus(stay), List.of(plans), SHANGHAI).totalFen();
    }

    @Nested
    class FreePeriod {
        final Instant nineAm = at(2026, 11, 30, 9, 0);

        @Test
        void exactlyTheFreePeriodIsFree() {
            assertThat(Pricing.of(nineAm, nineAm.plus(Duration.ofMinutes(30)), List.of(hourly(PLAN_FROM)), SHANGHAI).free()).isTrue();
            assertThat(price(nineAm, Duration.ofMinutes(30), hourly(PLAN_FROM))).isZero();
        }

        @Test
        void oneSecondOverPaysFromEntry() {
            assertThat(price(nineAm, Duration.ofMinutes(30).plusSeconds(1), hourly(PLAN_FROM))).isEqualTo(600);
        }

        @Test
        void aZeroLengthStayIsFree() {
            assertThat(price(nineAm, Duration.ZERO, hourly(PLAN_FROM))).isZero();
        }
    }

    @Nested
    class StartedUnits {
        final Instant nineAm = at(2026, 11, 30, 9, 0);

        @Test
        void exactlyOneHourIsTheFirstHourOnly_oneSecondMoreStartsTheNext() {
            assertThat(price(nineAm, Duration.ofHours(1), hourly(PLAN_FROM))).isEqualTo(600);
            assertThat(price(nineAm, Duration.ofHours(1).plusSeconds(1), hourly(PLAN_FROM))).isEqualTo(1000);
        }

        @Test
        void quarterHoursChargeAQuarterOfTheHourlyRatePerStartedQuarter() {
            TariffPlan quarters = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, PLAN_FROM, 15, 15, 800, 400, null, null, null, null);
            assertThat(price(nineAm, Duration.ofMinutes(15), quarters)).isZero();
            assertThat(price(nineAm, Duration.ofMinutes(15).plusSeconds(1), quarters)).isEqualTo(400); // two started quarters of the first hour
            assertThat(price(nineAm, Duration.ofMinutes(75), quarters)).isEqualTo(800 + 100);
            assertThat(price(nineAm, Duration.ofMinutes(75).plusSeconds(1), quarters)).isEqualTo(800 + 200);
        }

        @Test
        void aRateThatDoesNotSplitIntoWholeFenPerQuarterIsRefusedNamingIt() {
            assertThatThrownBy(() -> new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, PLAN_FROM, 15, 15, 801, 400, null, null, null, null))
                    .isInstanceOf(ParkingRuleViolation.class).extracting("field").isEqualTo("firstHourFen");
        }
    }

    @Nested
    class Night {
        @Test
        void unitsStartingAtNightPayTheNightRateAcrossMidnight() {
            // 22:00 to 01:30: units start 22, 23, 00, 01 — all night; the first is still at the night rate
            assertThat(price(at(2026, 11, 30, 22, 0), Duration.ofMinutes(210), hourly(PLAN_FROM))).isEqualTo(4 * 100);
        }

        @Test
        void theNightBeginsExactlyAtItsStart() {
            // 17:00–19:00 is day (600 + 400); the unit starting at 19:00 is night
            assertThat(price(at(2026, 11, 30, 17, 0), Duration.ofHours(2), hourly(PLAN_FROM))).isEqualTo(1000);
            assertThat(price(at(2026, 11, 30, 17, 0), Duration.ofHours(2).plusSeconds(1), hourly(PLAN_FROM))).isEqualTo(1100);
        }

        @Test
        void theNightEndsExactlyAtItsEnd() {
            // 06:00 night (100), 07:00 day following hour (400)
            assertThat(price(at(2026, 11, 30, 6, 0), Duration.ofHours(2), hourly(PLAN_FROM))).isEqualTo(500);
        }
    }

    @Nested
    class DailyCap {
        final Instant eightAm = at(2026, 11, 30, 8, 0);

        @Test
        void aWindowNeverCostsMoreThanTheCap() {
            TariffPlan noNight = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, PLAN_FROM, 30, 60, 600, 400, null, null, null, 4000L);
            // 600 + 8 × 400 = 3,800 below the cap; the tenth hour would make 4,200: capped at 4,000
            assertThat(price(eightAm, Duration.ofHours(9), noNight)).isEqualTo(3800);
            assertThat(price(eightAm, Duration.ofHours(10), noNight)).isEqualTo(4000);
            assertThat(price(eightAm, Duration.ofHours(24), noNight)).isEqualTo(4000);
        }

        @Test
        void thecapIsPer24HoursFromEntryNotPerCalendarDay() {
            TariffPlan noNight = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, PLAN_FROM, 30, 60, 600, 400, null, null, null, 4000L);
            // 24 h capped, then one second into the second window: its first unit is a following hour (400)
            assertThat(price(eightAm, Duration.ofHours(24).plusSeconds(1), noNight)).isEqualTo(4400);
        }

        @Test
        void threeDaysAreThreeCappedWindows() {
            // 72 h: 3 × 4,000
            assertThat(price(at(2026, 11, 28, 10, 0), Duration.ofHours(72), hourly(PLAN_FROM))).isEqualTo(12_000);
            Pricing.Price p = Pricing.of(at(2026, 11, 28, 10, 0), at(2026, 12, 1, 10, 0), List.of(hourly(PLAN_FROM)), SHANGHAI);
            assertThat(p.windows()).hasSize(3).allSatisfy(w -> assertThat(w.chargedFen()).isEqualTo(4000));
        }
    }

    @Nested
    class TariffChange {
        @Test
        void unitsStartingAfterTheChangeUseTheNewPlan() {
            Instant change = at(2026, 12, 1, 12, 0);
            TariffPlan later = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, change, 30, 60, 800, 500, null, null, null, 5000L);
            TariffPlan before = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, PLAN_FROM, 30, 60, 600, 400, null, null, null, 4000L);
            // 10:00–14:00: first hour 600, 11:00 400 (old), 12:00 500, 13:00 500 (new)
            assertThat(price(at(2026, 12, 1, 10, 0), Duration.ofHours(4), later, before)).isEqualTo(600 + 400 + 500 + 500);
        }

        @Test
        void theFreePeriodIsTheOneInForceAtEntry() {
            TariffPlan noFree = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, at(2026, 12, 1, 10, 10), 0, 60, 600, 400, null, null, null, null);
            assertThat(price(at(2026, 12, 1, 10, 0), Duration.ofMinutes(25), hourly(PLAN_FROM), noFree)).isZero();
        }

        @Test
        void noPlanInForceAtEntryIsAnError() {
            assertThatThrownBy(() -> price(at(2025, 12, 31, 23, 0), Duration.ofHours(2), hourly(PLAN_FROM))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Caps {
        Lot lot(Long maxHour, Long maxDaily) {
            return new Lot(UUID.randomUUID(), UUID.randomUUID(), "东区停车场", 300, SpaceKind.COMMON_LAND, 500, maxHour, maxDaily, 100, 30000,
                    SpaceKind.COMMON_LAND, 7);
        }

        @Test
        void exactlyTheApprovedCapIsAllowed_oneFenOverIsRefusedNamingFR2() {
            ApprovedCaps.check(hourly(PLAN_FROM), lot(600L, 4000L));
            assertThatThrownBy(() -> ApprovedCaps.check(hourly(PLAN_FROM), lot(599L, 4000L))).isInstanceOf(ParkingRuleViolation.class)
                    .satisfies(e -> {
                        assertThat(((ParkingRuleViolation) e).rule()).isEqualTo("FR2");
                        assertThat(((ParkingRuleViolation) e).field()).isEqualTo("firstHourFen");
                    });
            assertThatThrownBy(() -> ApprovedCaps.check(hourly(PLAN_FROM), lot(600L, 3999L))).extracting("field").isEqualTo("dailyCapFen");
        }

        @Test
        void aLotWithAnApprovedDailyCapNeedsAPlanWithOne() {
            TariffPlan uncapped = new TariffPlan(UUID.randomUUID(), null, Audience.VISITOR, PLAN_FROM, 30, 60, 600, 400, null, null, null, null);
            assertThatThrownBy(() -> ApprovedCaps.check(uncapped, lot(null, 4000L))).extracting("field").isEqualTo("dailyCapFen");
            ApprovedCaps.check(uncapped, lot(null, null));
        }
    }
}
