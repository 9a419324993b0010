package dev.commonhold.billing.invoicing.messaging;

import dev.commonhold.billing.invoicing.app.BulkIssue;
import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.outbox.OutboxExpansion;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A billing run's chunk row in the outbox, rendered as the billing.invoice-issued.v1 events of its
 * invoices when the relay publishes it: the same payload as {@link OutboxInvoiceEvents} gives one
 * invoice, the event id kept on the invoice when it was issued, the chunk's time, keyed by community.
 * Invoices do not change once issued, so a resend renders the same bytes.
 */
@Component
class InvoiceChunkEvents implements OutboxExpansion {

    private static final String TYPE = "billing.invoice-issued.v1";

    private final BulkIssue bulkIssue;

    InvoiceChunkEvents(BulkIssue bulkIssue) {
        this.bulkIssue = bulkIssue;
    }

    @Override
    public String rowType() {
        return BulkIssue.IssuedChunk.ROW_TYPE;
    }

    @Override
    public List<Event> expand(String recipe) {
        BulkIssue.IssuedChunk chunk = EventJson.convert(EventJson.readTree(recipe), BulkIssue.IssuedChunk.class);
        return bulkIssue.issued(chunk).stream().map(issued -> event(chunk, issued)).toList();
    }

    private static Event event(BulkIssue.IssuedChunk chunk, BulkIssue.Issued issued) {
        NewInvoice invoice = issued.invoice();
        EventEnvelope envelope = new EventEnvelope(issued.eventId(), TYPE, chunk.occurredAt(), invoice.communityId(), invoice.id(), null,
                EventJson.toTree(OutboxInvoiceEvents.payload(invoice)));
        return new Event(envelope.topic(), invoice.communityId().toString(), TYPE, issued.eventId(), EventJson.write(envelope));
    }
}
