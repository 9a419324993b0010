package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Refunds from a unit's credit balance: unserved prepayments when the service contract ends (rule
 * P6), a second channel payment of an invoice already paid, an overpayment. Never more than the
 * balance; the balance and the refund change together.
 */
@Service
public class Refunds {

    public record Refund(UUID communityId, UnitCopy unit, long amountFen, String channel, String reason, Instant issuedAt) {
    }

    private static final Set<String> CHANNELS = Set.of("CASH", "CARD", "BANK_TRANSFER", "WECHAT_PAY", "ALIPAY");

    private final BillingAccess access;
    private final PaymentStore payments;
    private final PaymentEvents events;
    private final Clock clock;

    Refunds(BillingAccess access, PaymentStore payments, PaymentEvents events, Clock clock) {
        this.access = access;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID refund(Viewer viewer, UUID communityId, UUID unitId, long amountFen, String channel, String reason) {
        access.cashierOf(viewer, communityId);
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        if (!CHANNELS.contains(channel)) {
            throw new BillingRuleViolation("channel", "must be one of " + CHANNELS, null);
        }
        payments.lockBalance(unitId);
        long balance = payments.creditBalance(unitId);
        if (amountFen > balance) {
            throw new BillingRuleViolation("amountFen", "the unit's credit balance is %d fen; a refund cannot exceed it".formatted(balance), "P6");
        }
        UUID id = Ids.newId();
        Refund refund = new Refund(communityId, unit, amountFen, channel, reason, clock.instant());
        payments.credit(communityId, unitId, -amountFen, null, "refund " + id + ": " + reason);
        payments.recordRefund(id, refund, viewer.subject());
        events.refunded(id, refund);
        return id;
    }
}
