package dev.commonhold.billing.documents.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: what receipts and household statements show. */
public interface DocumentData {

    record ReceiptLine(String invoiceNumber, String description, String revenueClass, long amountFen) {
    }

    record Receipt(UUID paymentId, UUID communityId, String communityName, UUID unitId, String payerReference, String payerName, String channel,
                   String channelTransactionId, long amountFen, long creditedFen, Instant receivedAt, String recordedBy, List<ReceiptLine> lines) {
    }

    record StatementInvoice(String number, LocalDate issuedOn, LocalDate dueOn, String description, long amountFen, long paidFen, boolean cancelled) {
    }

    record StatementPayment(Instant receivedAt, String channel, String channelTransactionId, long amountFen) {
    }

    Optional<Receipt> receipt(UUID communityId, UUID paymentId);

    List<StatementInvoice> invoices(UUID unitId, LocalDate from, LocalDate to);

    List<StatementPayment> payments(UUID unitId, LocalDate from, LocalDate to, java.time.ZoneId zone);
}
