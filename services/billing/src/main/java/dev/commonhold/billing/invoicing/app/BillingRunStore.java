package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: billing runs and their progress. */
public interface BillingRunStore {

    /** @return the new run, or the existing one for the same scope and period */
    BillingRun createOrGet(UUID id, String scopeKey, YearMonth first, int totalUnits, String by);

    Optional<BillingRun> find(UUID id);

    /** Locks the run for one chunk of work; empty if another worker holds it. */
    Optional<BillingRun> lockForWork(UUID id);

    void progressed(UUID id, int done, int issued, int alreadyBilled, int noPrice, long issuedFen, UUID cursorCommunity, UUID cursorUnit);

    void finished(UUID id, String status, String error);

    /** A failed run asked for again starts where it stopped. */
    void restart(UUID id);

    List<UUID> running();

    List<BillingRun> ofScope(String scopeKey);
}
