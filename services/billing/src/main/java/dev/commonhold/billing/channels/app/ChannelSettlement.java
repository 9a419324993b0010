package dev.commonhold.billing.channels.app;

import dev.commonhold.billing.payments.app.Received;
import dev.commonhold.billing.payments.app.Settlements;
import dev.commonhold.platform.ids.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Settles a verified channel notification exactly once, on the notification path (the channel
 * wants its answer within 5 s: one transaction, a handful of statements). Duplicates (rules PY1,
 * PY2, and WeChat's second link), late and out-of-order notifications settle nothing twice; an
 * amount that differs from the order is not settled and waits for review; a second paid order
 * of invoices already paid becomes the household's visible credit.
 */
@Service
public class ChannelSettlement {

    private static final Logger log = LoggerFactory.getLogger(ChannelSettlement.class);

    /** What the channel is told: everything but UNKNOWN_ORDER is acknowledged, so it stops resending. */
    public enum Outcome {
        SETTLED, DUPLICATE, AMOUNT_MISMATCH, UNKNOWN_ORDER, IGNORED;

        public boolean acknowledge() {
            return this != UNKNOWN_ORDER;
        }
    }

    private final ChannelOrderStore orders;
    private final Settlements settlements;

    ChannelSettlement(ChannelOrderStore orders, Settlements settlements) {
        this.orders = orders;
        this.settlements = settlements;
    }

    @Transactional
    public Outcome accept(ChannelNotice notice) {
        if (!notice.paid()) {
            orders.record(notice, Outcome.IGNORED.name(), "not a successful payment");
            return Outcome.IGNORED;
        }
        Optional<ChannelOrder> found = orders.lockByOutTradeNo(notice.outTradeNo());
        if (found.isEmpty()) {
            // Kept, and answered with a failure so the channel resends; daily reconciliation catches it if it never resolves.
            orders.record(notice, Outcome.UNKNOWN_ORDER.name(), "no order " + notice.outTradeNo());
            log.warn("{} notification for unknown order {} (transaction {}) kept for review", notice.channel(), notice.outTradeNo(), notice.transactionId());
            return Outcome.UNKNOWN_ORDER;
        }
        ChannelOrder order = found.get();
        if (!order.channel().equals(notice.channel())) {
            orders.record(notice, Outcome.UNKNOWN_ORDER.name(), "order %s was opened with %s".formatted(order.outTradeNo(), order.channel()));
            return Outcome.UNKNOWN_ORDER;
        }
        if (notice.paidFen() != order.amountFen()) {
            orders.record(notice, Outcome.AMOUNT_MISMATCH.name(), "order %s is %d fen, the channel reports %d: not settled, for review"
                    .formatted(order.outTradeNo(), order.amountFen(), notice.paidFen()));
            log.warn("{} reports {} fen for order {} of {} fen: held for review", notice.channel(), notice.paidFen(), order.outTradeNo(), order.amountFen());
            return Outcome.AMOUNT_MISMATCH;
        }
        Received payment = new Received(Ids.newId(), order.communityId(), order.unitId(), order.channel(), notice.paidFen(),
                notice.transactionId(), notice.paidAt(), "channel:" + notice.channel(), "order " + order.outTradeNo());
        Optional<Settlements.Applied> applied = settlements.receive(payment, order.lineIds(), "paid through %s order %s after its invoices were settled otherwise: kept as credit, refundable on request"
                .formatted(order.channel(), order.outTradeNo()));
        if (applied.isEmpty()) {
            orders.record(notice, Outcome.DUPLICATE.name(), "transaction " + notice.transactionId() + " settled before");
            return Outcome.DUPLICATE;
        }
        orders.markPaid(order.id(), payment.paymentId());
        orders.record(notice, Outcome.SETTLED.name(), "%d fen settled, %d fen to credit".formatted(notice.paidFen() - applied.get().creditedFen(),
                applied.get().creditedFen()));
        return Outcome.SETTLED;
    }
}
