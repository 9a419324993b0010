package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

import java.time.LocalDate;

/**
 * A lease's term, both days inclusive as a Chinese lease writes it (2026年1月1日至2045年12月31日).
 * L1: at most 20 years — the part beyond is void, so a longer term is refused, or cut to 20 years
 * when asked, and the answer says so. L2: six months or more must be written, else the lease is of
 * indefinite term (不定期租赁): either side may end it at any time with reasonable notice.
 *
 * @param cutByL1 the term asked for was longer and was cut to 20 years
 */
public record LeaseTerm(LocalDate startOn, LocalDate endOn, boolean cutByL1) {

    public static final int MAX_YEARS = 20;
    /** Leases this system records: a running lease taken over may have begun years ago; none starts after 2099. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_START = LocalDate.of(2099, 12, 31);

    /**
     * @param cutToLegalTerm cut a term over 20 years to 20 years instead of refusing it
     * @throws LeasingRuleViolation endOn before startOn; over 20 years unless cut (L1)
     */
    public static LeaseTerm of(LocalDate startOn, LocalDate endOn, boolean cutToLegalTerm) {
        if (startOn == null || endOn == null) {
            throw new LeasingRuleViolation(null, startOn == null ? "startOn" : "endOn", "is required");
        }
        if (startOn.isBefore(EARLIEST) || startOn.isAfter(LATEST_START)) {
            throw new LeasingRuleViolation(null, "startOn", "must be between " + EARLIEST + " and " + LATEST_START);
        }
        if (endOn.isBefore(startOn)) {
            throw new LeasingRuleViolation(null, "endOn", "must be on or after startOn (" + startOn + "): the last day of the lease, inclusive");
        }
        LocalDate lastLegalDay = lastLegalDay(startOn);
        if (endOn.isAfter(lastLegalDay)) {
            if (!cutToLegalTerm) {
                throw new LeasingRuleViolation("L1", "endOn", "a lease runs 20 years at most: the last day from " + startOn + " is " + lastLegalDay
                        + " (the part beyond is void); ask for cutToLegalTerm to have it cut there");
            }
            return new LeaseTerm(startOn, lastLegalDay, true);
        }
        return new LeaseTerm(startOn, endOn, false);
    }

    /** 20 years from the first day: the day before the 20th anniversary. */
    public static LocalDate lastLegalDay(LocalDate startOn) {
        return startOn.plusYears(MAX_YEARS).minusDays(1);
    }

    /** Six months or more (L2): the last day is at least the day before the six-month anniversary. */
    public boolean sixMonthsOrMore() {
        return !endOn.isBefore(startOn.plusMonths(6).minusDays(1));
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startOn) && !day.isAfter(endOn);
    }

    /** Inclusive ranges that share a day overlap; one ending the day before the other starts only touches. */
    public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
        return !otherStart.isAfter(endOn) && !otherEnd.isBefore(startOn);
    }
}
