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
import java.util.UUID;

/**
 * A household's credit (an overpayment, a second channel payment) pays its open bills, oldest
 * first, when the household or the operator's staff ask: as a payment through the CREDIT channel,
 * so every settled line is published like any other, and the balance goes down by what was used.
 */
@Service
public class CreditApplication {

    private final BillingAccess access;
    private final PaymentStore payments;
    private final Settlements settlements;
    private final Clock clock;

    CreditApplication(BillingAccess access, PaymentStore payments, Settlements settlements, Clock clock) {
        this.access = access;
        this.payments = payments;
        this.settlements = settlements;
        this.clock = clock;
    }

    @Transactional
    public Settlements.Applied apply(Viewer viewer, UUID communityId, UUID unitId) {
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        payments.lockBalance(unit.id());
        long balance = payments.creditBalance(unit.id());
        long open = payments.lockOpenLines(unit.id(), null).stream().mapToLong(l -> l.openFen()).sum();
        long amount = Math.min(balance, open);
        if (amount <= 0) {
            throw new BillingRuleViolation("credit", balance <= 0 ? "this household has no credit" : "nothing is open to pay", null);
        }
        UUID id = Ids.newId();
        Received payment = new Received(id, communityId, unit.id(), "CREDIT", amount, "credit-" + id, clock.instant(), Received.recorder(viewer),
                "credit applied");
        Settlements.Applied applied = settlements.receive(payment, null, "credit applied")
                .orElseThrow(() -> ProblemException.conflict("credit applied twice"));
        payments.credit(communityId, unit.id(), -amount, id, "applied to open bills");
        return applied;
    }
}
