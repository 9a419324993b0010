package dev.commonhold.billing.documents.app;

import dev.commonhold.billing.payments.app.PaymentStore;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Receipts and household statements for the payer's household and the operator's staff; never for anyone else. */
@Service
public class Documents {

    /** A household's account over a period: what was billed, what was paid, the credit left. */
    public record Statement(CommunityCopy community, UnitCopy unit, LocalDate from, LocalDate to, List<DocumentData.StatementInvoice> invoices,
                            List<DocumentData.StatementPayment> payments, long creditFen) {
        public long billedFen() {
            return invoices.stream().filter(i -> !i.cancelled()).mapToLong(DocumentData.StatementInvoice::amountFen).sum();
        }

        public long openFen() {
            return invoices.stream().filter(i -> !i.cancelled()).mapToLong(i -> i.amountFen() - i.paidFen()).sum();
        }
    }

    private final BillingAccess access;
    private final DocumentData data;
    private final PaymentStore payments;

    Documents(BillingAccess access, DocumentData data, PaymentStore payments) {
        this.access = access;
        this.data = data;
        this.payments = payments;
    }

    public DocumentData.Receipt receipt(Viewer viewer, UUID communityId, UUID paymentId) {
        DocumentData.Receipt receipt = data.receipt(communityId, paymentId).orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        if (receipt.unitId() == null) {
            access.staffOf(viewer, communityId);
        } else {
            try {
                access.unit(viewer, communityId, receipt.unitId());
            } catch (ProblemException notTheirs) {
                throw ProblemException.notFound("Payment", paymentId);
            }
        }
        return receipt;
    }

    public Statement statement(Viewer viewer, UUID communityId, UUID unitId, LocalDate from, LocalDate to) {
        CommunityCopy community = access.readable(viewer, communityId);
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return new Statement(community, unit, from, to, data.invoices(unitId, from, to), data.payments(unitId, from, to, community.zone()),
                payments.creditBalance(unitId));
    }
}
