package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Payments taken by the operator's staff at the counter (cash, card) or matched from a bank
 * transfer, with the receipt or bank serial number: applied oldest first, the rest kept as credit.
 */
@Service
public class CounterPayments {

    static final Set<String> METHODS = Set.of("CASH", "CARD", "BANK_TRANSFER");

    private final BillingAccess access;
    private final Settlements settlements;
    private final PaymentStore payments;
    private final Clock clock;

    CounterPayments(BillingAccess access, Settlements settlements, PaymentStore payments, Clock clock) {
        this.access = access;
        this.settlements = settlements;
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional
    public Settlements.Applied take(Viewer viewer, UUID communityId, UUID unitId, long amountFen, String method, String receiptNumber) {
        access.cashierOf(viewer, communityId);
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        if (!METHODS.contains(method)) {
            throw new BillingRuleViolation("method", "must be CASH, CARD or BANK_TRANSFER", null);
        }
        Received payment = new Received(Ids.newId(), communityId, unit.id(), method, amountFen, receiptNumber.strip(), clock.instant(),
                Received.recorder(viewer), null);
        return settlements.receive(payment, null, "overpayment at the counter")
                .orElseThrow(() -> ProblemException.conflict("%s receipt %s was recorded before: look it up instead of taking it twice"
                        .formatted(method, receiptNumber)));
    }

    public long creditBalance(Viewer viewer, UUID communityId, UUID unitId) {
        access.unit(viewer, communityId, unitId);
        return payments.creditBalance(unitId);
    }
}
