package dev.commonhold.billing.payments.messaging;

import dev.commonhold.billing.invoicing.domain.Payer;
import dev.commonhold.billing.payments.app.PaymentEvents;
import dev.commonhold.billing.payments.app.Received;
import dev.commonhold.billing.payments.app.Refunds;
import dev.commonhold.billing.payments.app.Reversals;
import dev.commonhold.billing.payments.domain.OldestFirst;
import dev.commonhold.billing.payments.domain.OpenLine;
import dev.commonhold.billing.register.Register;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.NewEvent.PartitionKey;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** billing.payment-settled.v1 (one per settled line), credit-received, credit-reversed, refund-issued and payment-reversed, as contracts/events/billing describes them. */
@Component
class OutboxPaymentEvents implements PaymentEvents {

    private final Outbox outbox;
    private final Register register;

    OutboxPaymentEvents(Outbox outbox, Register register) {
        this.outbox = outbox;
        this.register = register;
    }

    @Override
    public void settled(Received payment, List<OldestFirst.Share> shares, List<UUID> settlementIds) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            OldestFirst.Share share = shares.get(i);
            OpenLine line = share.line();
            events.add(new NewEvent("billing.payment-settled.v1", line.communityId(), settlementIds.get(i), new PaymentSettledV1(
                    settlementIds.get(i), payment.paymentId(), line.invoiceId(), line.lineId(), line.chargeId(), line.communityId(),
                    new Payer(line.payerKind(), line.unitId(), line.payerReference(), line.payerName()), line.unitId(), line.revenueClass(),
                    line.baseRevenueClass(), share.amountFen(), "CNY", payment.channel(), payment.channelTransactionId(),
                    payment.receivedAt(), share.settlesLine()), PartitionKey.COMMUNITY));
        }
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
    }

    @Override
    public void credited(Received payment, long fen) {
        UnitCopy unit = register.unit(payment.communityId(), payment.unitId())
                .orElseThrow(() -> new IllegalStateException("unit " + payment.unitId() + " was paid for but is not in the register copy"));
        outbox.append(new NewEvent("billing.credit-received.v1", payment.communityId(), payment.paymentId(), new CreditReceivedV1(payment.paymentId(),
                payment.communityId(), Payer.unit(unit.id(), unit.reference(), unit.ownerName()), unit.id(), fen, "CNY", payment.channel(),
                payment.channelTransactionId(), payment.receivedAt()), PartitionKey.COMMUNITY));
    }

    @Override
    public void creditReversed(UUID communityId, UUID reversalId, UUID paymentId, UUID unitId, long fen, String reason, Instant at) {
        outbox.append(new NewEvent("billing.credit-reversed.v1", communityId, paymentId, new CreditReversedV1(reversalId, paymentId, communityId,
                unitId, fen, "CNY", reason, at), PartitionKey.COMMUNITY));
    }

    @Override
    public void refunded(UUID refundId, Refunds.Refund r) {
        outbox.append(new NewEvent("billing.refund-issued.v1", r.communityId(), refundId, new RefundIssuedV1(refundId, r.communityId(),
                Payer.unit(r.unit().id(), r.unit().reference(), r.unit().ownerName()), r.amountFen(), "CNY", r.channel(), r.reason(),
                r.issuedAt()), PartitionKey.COMMUNITY));
    }

    @Override
    public void reversed(UUID communityId, UUID reversalId, List<Reversals.Reversed> settlements, String reason, Instant at) {
        if (!settlements.isEmpty()) {
            outbox.appendAll(settlements.stream().map(s -> new NewEvent("billing.payment-reversed.v1", communityId, s.settlementId(),
                    new PaymentReversedV1(reversalId, s.settlementId(), communityId, s.unitId(), s.revenueClass(), s.amountFen(), "CNY", reason, at),
                    PartitionKey.COMMUNITY)).toList());
        }
    }

    /** One per reversed settlement; reversalId is shared by all settlements of the payment. */
    record PaymentReversedV1(UUID reversalId, UUID settlementId, UUID communityId, UUID unitId, String revenueClass, long amountFen, String currency,
                             String reason, Instant reversedAt) {
    }

    record PaymentSettledV1(UUID settlementId, UUID paymentId, UUID invoiceId, UUID lineId, UUID chargeId, UUID communityId, Payer payer,
                            UUID unitId, String revenueClass, String baseRevenueClass, long amountFen, String currency, String channel,
                            String channelTransactionId, Instant settledAt, boolean lineSettledInFull) {
    }

    record CreditReceivedV1(UUID paymentId, UUID communityId, Payer payer, UUID unitId, long amountFen, String currency, String channel,
                            String channelTransactionId, Instant receivedAt) {
    }

    record CreditReversedV1(UUID reversalId, UUID paymentId, UUID communityId, UUID unitId, long amountFen, String currency, String reason,
                            Instant reversedAt) {
    }

    record RefundIssuedV1(UUID refundId, UUID communityId, Payer payer, long amountFen, String currency, String channel, String reason,
                          Instant issuedAt) {
    }
}
