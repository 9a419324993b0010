package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.payments.domain.OldestFirst;
import dev.commonhold.billing.payments.domain.OpenLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one way money is applied, whatever brought it: record the payment (a duplicate stops here),
 * settle open lines oldest first, publish one payment-settled per line, keep the rest as the
 * payer's visible credit. All in the caller's transaction.
 */
@Service
public class Settlements {

    /** What a payment did: the lines it settled and what went to credit. */
    public record Applied(Received payment, List<OldestFirst.Share> shares, long creditedFen) {
    }

    private final PaymentStore payments;
    private final PaymentEvents events;

    Settlements(PaymentStore payments, PaymentEvents events) {
        this.payments = payments;
        this.events = events;
    }

    /**
     * @param onlyLines the lines the money was meant for (a channel order's), or null for all the unit's open lines
     * @param whyCredit shown with the credit entry when something is left over
     * @return empty when the same channel transaction was recorded before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Applied> receive(Received payment, Collection<java.util.UUID> onlyLines, String whyCredit) {
        if (!payments.insertPayment(payment)) {
            return Optional.empty();
        }
        List<OpenLine> open = payments.lockOpenLines(payment.unitId(), onlyLines);
        OldestFirst.Result result = OldestFirst.apply(payment.amountFen(), open);
        List<java.util.UUID> ids = payments.settle(payment.paymentId(), result.shares(), payment.receivedAt());
        events.settled(payment, result.shares(), ids);
        if (result.leftOverFen() > 0) {
            payments.credit(payment.communityId(), payment.unitId(), result.leftOverFen(), payment.paymentId(), whyCredit);
            if (!"CREDIT".equals(payment.channel()) && payment.unitId() != null) { // a plate's overpayment is refunded by staff, not household credit
                events.credited(payment, result.leftOverFen());
            }
        }
        return Optional.of(new Applied(payment, result.shares(), result.leftOverFen()));
    }
}
