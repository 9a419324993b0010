package dev.commonhold.billing.invoicing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One period's property-fee invoices for every unit of a community, or of every community of a
 * company, as one job: counted as it goes, resumable from its cursor after a crash, and never
 * issuing a unit's month twice.
 */
public record BillingRun(UUID id, String scopeKey, YearMonth first, String status, int totalUnits, int doneUnits, int issued,
                         int alreadyBilled, int noPrice, long issuedFen, int lanes, Instant startedAt,
                         Instant progressedAt, Instant finishedAt, String error) {

    public static String communityScope(UUID communityId) {
        return "community:" + communityId;
    }

    public static String companyScope(UUID companyId) {
        return "company:" + companyId;
    }

    /**
     * The lane that bills a community: fixed by its id, so a community registered or removed while
     * a run goes on never moves another community to a different lane.
     */
    public static int laneOf(UUID communityId, int lanes) {
        return Math.floorMod(communityId.hashCode(), lanes);
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }

    /** Units per second so far; 0 before the first chunk. */
    public double rate() {
        double seconds = Duration.between(startedAt, finishedAt != null ? finishedAt : progressedAt).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : doneUnits / seconds;
    }

    /** Seconds left at the rate so far; null while unknown, 0 when done. */
    public Long etaSeconds() {
        if (!running()) {
            return 0L;
        }
        double rate = rate();
        return rate <= 0 ? null : (long) Math.ceil((totalUnits - doneUnits) / rate);
    }

    public int percent() {
        return totalUnits == 0 ? 100 : (int) (100L * doneUnits / totalUnits);
    }
}
