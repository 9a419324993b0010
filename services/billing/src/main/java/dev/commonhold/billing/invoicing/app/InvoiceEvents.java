package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.NewInvoice;

import java.util.List;

/** Port: publishes billing.invoice-issued.v1 in the current transaction (the outbox). */
public interface InvoiceEvents {

    void issued(List<NewInvoice> invoices);
}
