package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: billing runs and their progress. */
public interface BillingRunStore {

    /** @return the new run, or the existing one for the same scope and period */
    BillingRun createOrGet(UUID id, String scopeKey, YearMonth first, int totalUnits, int lanes, String by);

    /** Where one lane of a run stands. */
    record Lane(int number, UUID cursorCommunity, UUID cursorUnit) {
    }

    Optional<BillingRun> find(UUID id);

    /** Locks one lane of a running run for a chunk of work; empty if the run stopped, the lane is done or another worker holds it. */
    Optional<Lane> lockLane(UUID runId, int lane);

    /** The lanes of a run still to finish. */
    List<Integer> openLanes(UUID runId);

    /** Moves the lane's cursor and adds to the run's totals. */
    void progressed(UUID runId, Lane lane, int done, int issued, int alreadyBilled, int noPrice, long issuedFen);

    /** The lane is done; the run is DONE once its last lane is. */
    void laneFinished(UUID runId, int lane);

    void finished(UUID id, String status, String error);

    /** A failed run asked for again starts where it stopped. */
    void restart(UUID id);

    List<UUID> running();

    List<BillingRun> ofScope(String scopeKey);
}
