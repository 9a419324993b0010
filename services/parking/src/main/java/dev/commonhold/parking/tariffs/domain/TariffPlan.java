package dev.commonhold.parking.tariffs.domain;

import dev.commonhold.parking.lots.domain.ParkingRuleViolation;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A lot's tariff for one audience from an instant on (rule K3): a free period, the first hour's
 * rate and the rate of every following hour, charged per started hour or per started 15 minutes,
 * an optional night rate, an optional cap per 24 hours from entry. Rates are per hour in fen and
 * must divide into whole fen per unit (a 15-minute plan's hourly rates are multiples of 4).
 *
 * @param freeMinutes   a stay of at most this long is free; one second more pays from entry
 * @param unitMinutes   60 or 15: the step a started unit is charged by
 * @param nightStart    with nightEnd and nightHourFen: units starting in [nightStart, nightEnd)
 *                      local time (wrapping midnight) pay nightHourFen instead; all three or none
 * @param dailyCapFen   the most any 24 hours from entry cost, or null for none
 */
public record TariffPlan(UUID id, UUID lotId, Audience audience, Instant effectiveFrom, int freeMinutes, int unitMinutes, long firstHourFen,
                         long nextHourFen, LocalTime nightStart, LocalTime nightEnd, Long nightHourFen, Long dailyCapFen) {

    public TariffPlan {
        require(freeMinutes >= 0 && freeMinutes <= 24 * 60, "freeMinutes", "must be 0 to 1,440 minutes");
        require(unitMinutes == 60 || unitMinutes == 15, "unitMinutes", "must be 60 (per started hour) or 15 (per started quarter hour)");
        require(firstHourFen >= 0, "firstHourFen", "must not be negative");
        require(nextHourFen >= 0, "nextHourFen", "must not be negative");
        require(wholeFenPerUnit(firstHourFen, unitMinutes), "firstHourFen", "must divide into whole fen per " + unitMinutes + " minutes");
        require(wholeFenPerUnit(nextHourFen, unitMinutes), "nextHourFen", "must divide into whole fen per " + unitMinutes + " minutes");
        boolean night = nightStart != null || nightEnd != null || nightHourFen != null;
        require(!night || (nightStart != null && nightEnd != null && nightHourFen != null && !nightStart.equals(nightEnd)), "nightHourFen",
                "a night rate needs nightStart, nightEnd (different) and nightHourFen together");
        require(nightHourFen == null || (nightHourFen >= 0 && wholeFenPerUnit(nightHourFen, unitMinutes)), "nightHourFen",
                "must not be negative and must divide into whole fen per " + unitMinutes + " minutes");
        require(dailyCapFen == null || dailyCapFen >= 0, "dailyCapFen", "must not be negative");
    }

    public boolean hasNightRate() {
        return nightHourFen != null;
    }

    /** Is this local time in the night window (start inclusive, end exclusive, wrapping midnight)? */
    boolean atNight(LocalTime time) {
        if (!hasNightRate()) {
            return false;
        }
        return nightStart.isBefore(nightEnd) ? !time.isBefore(nightStart) && time.isBefore(nightEnd)
                : !time.isBefore(nightStart) || time.isBefore(nightEnd);
    }

    long perUnit(long hourFen) {
        return hourFen * unitMinutes / 60;
    }

    private static boolean wholeFenPerUnit(long hourFen, int unitMinutes) {
        return hourFen * unitMinutes % 60 == 0;
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new ParkingRuleViolation(null, field, message);
        }
    }
}
