package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.billing.invoicing.domain.PropertyFee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port: issues one chunk of a billing run's property-fee invoices set-based — invoices, lines,
 * billed months and one outbox row for their invoice-issued events ({@link IssuedChunk}) in one
 * statement — for the next {@code limit} units of a community after {@code afterUnit}, skipping
 * units whose months are already billed.
 */
public interface BulkIssue {

    record Chunk(UUID runId, UUID communityId, UUID afterUnit, int limit, Map<String, PropertyFee.Rate> rates, List<LocalDate> months,
                 LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn, LocalDate dueOn, String periodText) {
    }

    /** @param lastUnit the chunk's last unit id (the run's next cursor); null when no unit was left */
    record Result(int units, int issued, int alreadyBilled, long issuedFen, UUID lastUnit) {
    }

    Result issue(Chunk chunk);

    /**
     * What the chunk's outbox row holds: which invoices it issued, as the run, the community and the
     * key ranges of the ids made for them, and when. Stored as the row's JSON and read back by the relay.
     */
    record IssuedChunk(UUID runId, UUID communityId, Instant occurredAt, UUID firstInvoice, UUID lastInvoice,
                       UUID firstLine, UUID lastLine) {

        /** The outbox row's event_type: one row for a chunk of billing.invoice-issued.v1 events. */
        public static final String ROW_TYPE = "billing.invoice-issued.v1+chunk";
    }

    /** An issued invoice and the id its invoice-issued event was given when it was issued. */
    record Issued(UUID eventId, NewInvoice invoice) {
    }

    /** The invoices of a chunk this port issued, in id order. */
    List<Issued> issued(IssuedChunk chunk);
}
