package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Undoes a counter payment entered by mistake: every line it settled is open again for the amount,
 * one billing.payment-reversed.v1 per settlement tells the trust account to post the reversing
 * entry, and the credit it created is taken back. Once per payment; channel payments are refunded
 * through their channel instead, never reversed here.
 */
@Service
public class Reversals {

    private static final Set<String> REVERSIBLE = Set.of("CASH", "CARD", "BANK_TRANSFER");

    /** One settlement of the payment, as it is reversed. */
    public record Reversed(UUID settlementId, UUID lineId, UUID unitId, String revenueClass, long amountFen) {
    }

    private final BillingAccess access;
    private final PaymentStore payments;
    private final PaymentEvents events;
    private final Clock clock;

    Reversals(BillingAccess access, PaymentStore payments, PaymentEvents events, Clock clock) {
        this.access = access;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public List<Reversed> reverse(Viewer viewer, UUID communityId, UUID paymentId, String reason) {
        access.cashierOf(viewer, communityId);
        PaymentStore.PaymentRow payment = payments.lockPayment(communityId, paymentId)
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        if (!REVERSIBLE.contains(payment.channel())) {
            throw new BillingRuleViolation("paymentId", "a %s payment is refunded through its channel, not reversed".formatted(payment.channel()), null);
        }
        UUID reversalId = Ids.newId();
        Instant now = clock.instant();
        if (!payments.recordReversal(reversalId, paymentId, reason, now, Received.recorder(viewer))) {
            throw ProblemException.conflict("payment " + paymentId + " was reversed before");
        }
        long credited = payments.creditFrom(paymentId);
        if (credited > 0) {
            payments.lockBalance(payment.unitId());
            if (payments.creditBalance(payment.unitId()) < credited) {
                throw new BillingRuleViolation("paymentId", "the %d fen of credit this payment left were used or refunded since: reverse those first"
                        .formatted(credited), "P6");
            }
            payments.credit(communityId, payment.unitId(), -credited, paymentId, "reversal of payment " + paymentId + ": " + reason);
            events.creditReversed(communityId, reversalId, paymentId, payment.unitId(), credited, reason, now);
        }
        List<Reversed> reversed = payments.unsettle(paymentId);
        events.reversed(communityId, reversalId, reversed, reason, now);
        return reversed;
    }
}
