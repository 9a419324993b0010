package dev.commonhold.parking.permits.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A monthly permit (月卡) for one plate of a household in one lot, valid from its first to its
 * last day inclusive in the community's zone; after that it opens the gate for the lot's grace
 * days (with a reminder to renew), then the car pays as a visitor.
 */
public record Permit(UUID id, UUID lotId, UUID unitId, String plate, LocalDate validFrom, LocalDate validTo, boolean cancelled) {

    /** What the permit does at the gate on a day. */
    public enum Standing {
        VALID, IN_GRACE, EXPIRED
    }

    public Standing on(LocalDate day, int graceDays) {
        if (cancelled || day.isBefore(validFrom) || day.isAfter(validTo.plusDays(graceDays))) {
            return Standing.EXPIRED;
        }
        return day.isAfter(validTo) ? Standing.IN_GRACE : Standing.VALID;
    }

    /**
     * The next {@code months} of a permit: from the day after it ends when renewed before or in its
     * grace (the grace days used are paid for, no gap), else from {@code today}; to the day before
     * the same date {@code months} later.
     */
    public static LocalDate[] renewal(LocalDate validTo, LocalDate today, int months, int graceDays) {
        LocalDate from = today.isAfter(validTo.plusDays(graceDays)) ? today : validTo.plusDays(1);
        return new LocalDate[]{from, from.plusMonths(months).minusDays(1)};
    }
}
