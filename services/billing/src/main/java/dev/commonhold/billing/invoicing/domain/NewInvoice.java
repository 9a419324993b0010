package dev.commonhold.billing.invoicing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice about to be issued, with its lines. The total is the sum of the lines; months lists
 * the property-fee months it bills (first days), each billable once per unit.
 */
public record NewInvoice(UUID id, String number, UUID communityId, Payer payer, LocalDate periodStart, LocalDate periodEnd,
                         LocalDate issuedOn, LocalDate dueOn, UUID billingRunId, List<Line> lines, List<LocalDate> months) {

    public NewInvoice {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        lines = List.copyOf(lines);
        months = List.copyOf(months);
    }

    public long totalFen() {
        return lines.stream().mapToLong(Line::amountFen).sum();
    }

    /** One thing owed; {@code chargeId} is the producer's id (the line's own id for property fees). */
    public record Line(UUID id, UUID chargeId, String revenueClass, String baseRevenueClass, long amountFen, LocalDate dueOn,
                       String description, String sourceReference) {
        public Line {
            if (amountFen <= 0) {
                throw new IllegalArgumentException("a line is at least 1 fen");
            }
        }
    }
}
