package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.PropertyFee;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port: issues one chunk of a billing run's property-fee invoices set-based — invoices, lines,
 * billed months and their invoice-issued events in one statement — for the next {@code limit}
 * units of a community after {@code afterUnit}, skipping units whose months are already billed.
 */
public interface BulkIssue {

    record Chunk(UUID runId, UUID communityId, UUID afterUnit, int limit, Map<String, PropertyFee.Rate> rates, List<LocalDate> months,
                 LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn, LocalDate dueOn, String periodText) {
    }

    /** @param lastUnit the chunk's last unit id (the run's next cursor); null when no unit was left */
    record Result(int units, int issued, int alreadyBilled, long issuedFen, UUID lastUnit) {
    }

    Result issue(Chunk chunk);
}
