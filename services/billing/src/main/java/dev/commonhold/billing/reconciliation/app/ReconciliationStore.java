package dev.commonhold.billing.reconciliation.app;

import dev.commonhold.billing.reconciliation.domain.Matching;
import dev.commonhold.billing.reconciliation.domain.OurPayment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: reconciled days, their exceptions, and our side of a day. */
public interface ReconciliationStore {

    record Day(UUID companyId, String channel, LocalDate day, String statementSha256, int statementRows, int matched, long matchedFen,
               int refunds, Instant importedAt, Instant lockedAt, String lockedBy) {
    }

    record ExceptionRow(UUID id, String kind, String transactionId, Integer statementRow, UUID paymentId, Long ourFen, Long statementFen,
                        Instant resolvedAt, String resolvedBy, String resolution) {
    }

    /** Our payments through this channel on this day (in {@code zone}) for the company's communities. */
    List<OurPayment> ours(UUID companyId, String channel, LocalDate day, java.time.ZoneId zone);

    /** Locks the day's row for this transaction (empty if never imported). */
    Optional<Day> lockDay(UUID companyId, String channel, LocalDate day);

    /** Replaces the day's statement result and its open exceptions (a corrected file may be imported again until locked). */
    void replace(UUID companyId, String channel, LocalDate day, String sha256, int rows, Matching.Result result, String by);

    Optional<Day> day(UUID companyId, String channel, LocalDate day);

    List<ExceptionRow> exceptions(UUID companyId, String channel, LocalDate day);

    /** @return false if no such open exception of this company */
    boolean resolve(UUID companyId, UUID exceptionId, String resolution, String by);

    void lock(UUID companyId, String channel, LocalDate day, String by);
}
