package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.NewInvoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Port: issued invoices and their lines. */
public interface InvoiceStore {

    /** Fresh invoice numbers, unique across the service: F<yyyyMM>-<sequence>. */
    List<String> nextNumbers(int count, LocalDate issuedOn);

    /** The last property-fee month billed to a unit, or null. */
    LocalDate lastBilledMonth(UUID unitId);

    void insertAll(List<NewInvoice> invoices);

    boolean hasLineForCharge(UUID chargeId);
}
