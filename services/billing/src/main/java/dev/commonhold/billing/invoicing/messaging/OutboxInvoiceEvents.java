package dev.commonhold.billing.invoicing.messaging;

import dev.commonhold.billing.invoicing.app.InvoiceEvents;
import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.billing.invoicing.domain.Payer;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.NewEvent.PartitionKey;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** billing.invoice-issued.v1, field for field as contracts/events/billing/invoice-issued.v1.schema.json; keyed by community. */
@Component
class OutboxInvoiceEvents implements InvoiceEvents {

    private final Outbox outbox;

    OutboxInvoiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void issued(List<NewInvoice> invoices) {
        if (!invoices.isEmpty()) {
            outbox.appendAll(invoices.stream().map(i -> new NewEvent("billing.invoice-issued.v1", i.communityId(), i.id(),
                    payload(i), PartitionKey.COMMUNITY)).toList());
        }
    }

    static InvoiceIssuedV1 payload(NewInvoice i) {
        return new InvoiceIssuedV1(i.id(), i.number(), i.communityId(), i.payer(), i.periodStart(), i.periodEnd(), i.issuedOn(),
                i.dueOn(), i.totalFen(), "CNY", i.billingRunId(), i.lines().stream().map(l -> new LineV1(l.id(), l.chargeId(),
                l.revenueClass(), l.baseRevenueClass(), l.amountFen(), l.description())).toList());
    }

    record InvoiceIssuedV1(UUID invoiceId, String number, UUID communityId, Payer payer, LocalDate periodStart, LocalDate periodEnd,
                           LocalDate issuedOn, LocalDate dueOn, long totalFen, String currency, UUID billingRunId, List<LineV1> lines) {
    }

    record LineV1(UUID lineId, UUID chargeId, String revenueClass, String baseRevenueClass, long amountFen, String description) {
    }
}
