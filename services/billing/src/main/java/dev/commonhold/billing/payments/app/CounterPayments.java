package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.payments.domain.OpenLine;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

    /** How far back a bank transfer found on a statement may be dated: a quarter's statement. */
    static final int TRANSFER_DAYS_BACK = 92;

    /**
     * @param receivedOn for a BANK_TRANSFER, the day the money arrived (its value date on the bank statement),
     *                   today or up to {@value #TRANSFER_DAYS_BACK} days back; null for today. Cash and card are taken now.
     */
    @Transactional
    public Settlements.Applied take(Viewer viewer, UUID communityId, UUID unitId, long amountFen, String method, String receiptNumber,
                                    LocalDate receivedOn) {
        CommunityCopy community = access.cashierOf(viewer, communityId);
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        if (!METHODS.contains(method)) {
            throw new BillingRuleViolation("method", "must be CASH, CARD or BANK_TRANSFER", null);
        }
        Received payment = new Received(Ids.newId(), communityId, unit.id(), method, amountFen, receiptNumber.strip(),
                receivedAt(receivedOn, method, community.zone()), Received.recorder(viewer), null);
        return settlements.receive(payment, null, "overpayment at the counter")
                .orElseThrow(() -> ProblemException.conflict("%s receipt %s was recorded before: look it up instead of taking it twice"
                        .formatted(method, receiptNumber)));
    }

    /**
     * Money for one charge whose payer has no household account — a tenant's rent or deposit, a
     * plate's fee paid at the booth — taken at the counter or found on the bank statement. At most
     * what is open of it: such a payer has no credit to keep a surplus in.
     *
     * @throws BillingRuleViolation an amount over what is open (amountFen), an unknown method
     */
    @Transactional
    public Settlements.Applied takeForCharge(Viewer viewer, UUID communityId, UUID chargeId, long amountFen, String method, String receiptNumber,
                                             LocalDate receivedOn) {
        CommunityCopy community = access.cashierOf(viewer, communityId);
        if (!METHODS.contains(method)) {
            throw new BillingRuleViolation("method", "must be CASH, CARD or BANK_TRANSFER", null);
        }
        PaymentStore.ChargeLine found = payments.lockChargeLine(communityId, chargeId)
                .orElseThrow(() -> ProblemException.notFound("Open charge of a tenant or plate", chargeId));
        if (!found.open()) {
            throw ProblemException.conflict("charge " + chargeId + " is paid in full (or cancelled): nothing is open on it");
        }
        OpenLine line = found.line();
        if (amountFen > line.openFen()) {
            throw new BillingRuleViolation("amountFen", "at most %d fen is open on this charge; a %s has no credit to keep the rest in"
                    .formatted(line.openFen(), line.payerKind()), null);
        }
        Received payment = new Received(Ids.newId(), communityId, null, method, amountFen, receiptNumber.strip(),
                receivedAt(receivedOn, method, community.zone()), Received.recorder(viewer), "charge " + chargeId + " · " + line.payerReference());
        return settlements.receive(payment, java.util.List.of(line.lineId()), "none")
                .orElseThrow(() -> ProblemException.conflict("%s receipt %s was recorded before: look it up instead of taking it twice"
                        .formatted(method, receiptNumber)));
    }

    private Instant receivedAt(LocalDate receivedOn, String method, ZoneId zone) {
        if (receivedOn == null) {
            return clock.instant();
        }
        if (!method.equals("BANK_TRANSFER")) {
            throw new BillingRuleViolation("receivedOn", "only a bank transfer is dated by its value date; cash and card are received now", null);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (receivedOn.isAfter(today) || receivedOn.isBefore(today.minusDays(TRANSFER_DAYS_BACK))) {
            throw new BillingRuleViolation("receivedOn", "must be between %s and today (%s): the value date on the bank statement"
                    .formatted(today.minusDays(TRANSFER_DAYS_BACK), today), null);
        }
        Instant noon = receivedOn.atTime(LocalTime.NOON).atZone(zone).toInstant();
        return receivedOn.equals(today) && noon.isAfter(clock.instant()) ? clock.instant() : noon;
    }

    public long creditBalance(Viewer viewer, UUID communityId, UUID unitId) {
        access.unit(viewer, communityId, unitId);
        return payments.creditBalance(unitId);
    }
}
