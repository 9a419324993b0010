package dev.commonhold.billing.invoicing.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Port: invoices and what is open on them, as payers and staff read them. */
public interface InvoiceViews {

    record LineView(UUID id, String revenueClass, String description, long amountFen, long paidFen, LocalDate dueOn, boolean cancelled) {
    }

    record InvoiceView(UUID id, String number, String payerReference, String payerName, LocalDate periodStart, LocalDate periodEnd,
                       LocalDate issuedOn, LocalDate dueOn, long totalFen, long paidFen, List<LineView> lines) {
        public long openFen() {
            return lines.stream().filter(l -> !l.cancelled()).mapToLong(l -> l.amountFen() - l.paidFen()).sum();
        }

        public String status() {
            if (lines.stream().allMatch(LineView::cancelled)) {
                return "CANCELLED";
            }
            return openFen() == 0 ? "PAID" : paidFen == 0 ? "OPEN" : "PARTLY_PAID";
        }
    }

    /** Open (not cancelled, not fully paid) amount per unit and due date, for ageing. */
    record OpenByDue(UUID unitId, LocalDate dueOn, long openFen) {
    }

    /** A unit's invoices, newest first, after the cursor (an invoice number). */
    List<InvoiceView> ofUnit(UUID unitId, String afterNumber, int limit);

    List<OpenByDue> openOf(UUID communityId, UUID unitId);
}
