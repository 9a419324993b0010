package dev.commonhold.commerce.merchants.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Express-locker storage: free for some hours, then a fee per started day, capped.
 *
 * @param freeHours        hours a parcel stays free of charge
 * @param fenPerStartedDay charged for each started 24 hours after the free hours, in fen
 * @param capFen           the most one parcel is ever charged, in fen
 */
public record LockerTerms(int freeHours, long fenPerStartedDay, long capFen) {

    public LockerTerms {
        if (freeHours < 0 || freeHours > 720) {
            throw new InvalidRequest("locker.freeHours", "must be 0 to 720");
        }
        if (fenPerStartedDay < 0 || capFen < 0 || capFen > 1_000_000) {
            throw new InvalidRequest("locker.capFen", "fees must be 0 or more and the cap at most 1000000 fen");
        }
    }

    /** The overdue fee for a parcel stored at {@code storedAt} and collected at {@code collectedAt}, in fen. */
    public long overdueFee(Instant storedAt, Instant collectedAt) {
        Duration over = Duration.between(storedAt, collectedAt).minusHours(freeHours);
        if (over.isNegative() || over.isZero()) {
            return 0;
        }
        long startedDays = (over.toSeconds() + 86_399) / 86_400;
        return fenPerStartedDay > 0 && startedDays > capFen / fenPerStartedDay ? capFen : Math.min(capFen, startedDays * fenPerStartedDay);
    }
}
