package dev.commonhold.billing.payments.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What is still owed on one invoice line, with what a settlement event must carry about it. */
public record OpenLine(UUID lineId, UUID invoiceId, UUID chargeId, UUID communityId, UUID unitId, String payerKind, String payerReference,
                       String payerName, String revenueClass, String baseRevenueClass, long amountFen, long paidFen, LocalDate dueOn) {

    public long openFen() {
        return amountFen - paidFen;
    }
}
