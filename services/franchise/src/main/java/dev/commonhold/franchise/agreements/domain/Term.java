package dev.commonhold.franchise.agreements.domain;

import java.time.LocalDate;

/**
 * The franchise term (特许经营期限), both days included.
 *
 * <p>FR1: at most 40 years (the 2024 revision of the franchising measures; 30 before it). A term
 * starting 2026-01-01 may end 2065-12-31; ending 2066-01-01 is 40 years and a day and is refused.
 *
 * @param startsOn first day of the operating rights
 * @param endsOn   last day (inclusive); the assets are handed back the day after
 */
public record Term(LocalDate startsOn, LocalDate endsOn) {

    public static final int MAX_YEARS = 40;

    public Term {
        if (startsOn == null) {
            throw new InvalidTerms("startsOn", "is required");
        }
        if (endsOn == null || endsOn.isBefore(startsOn)) {
            throw new InvalidTerms("endsOn", "must be on or after the start");
        }
        if (endsOn.isAfter(lastPossibleDay(startsOn))) {
            throw new InvalidTerms("endsOn", "FR1", "a franchise term is at most %d years (FR1): from %s the last day is %s"
                    .formatted(MAX_YEARS, startsOn, lastPossibleDay(startsOn)));
        }
    }

    /** The last day a term starting on {@code startsOn} may run to under FR1. */
    public static LocalDate lastPossibleDay(LocalDate startsOn) {
        return startsOn.plusYears(MAX_YEARS).minusDays(1);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
