package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.merchants.app.MerchantStore;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.orders.domain.RefundSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What billing settled (billing.payment-settled.v1) and took back (payment-reversed.v1) of an order's
 * charges, inside the inbox transaction: once every charge is paid in full the order is paid
 * (commerce.order-paid.v1) — a locker's parcel is then released. A payment for an order already
 * cancelled (its seat held no longer) is refunded whole; money is never kept for nothing.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final OrderStore orders;
    private final OrderCharges charges;
    private final OrderEvents events;
    private final OrderChanges changes;
    private final MerchantStore stock;

    Payments(OrderStore orders, OrderCharges charges, OrderEvents events, OrderChanges changes, MerchantStore stock) {
        this.orders = orders;
        this.charges = charges;
        this.events = events;
        this.changes = changes;
        this.stock = stock;
    }

    public void settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        UUID orderId = orderOf(chargeId);
        if (orderId == null) {
            return;
        }
        Order order = orders.lock(orderId).orElseThrow(); // the order first, as cancellations and refunds lock it
        OrderCharges.Charge charge = charges.settled(settlementId, chargeId, amountFen, settledAt);
        if (charge == null) {
            return;
        }
        if (order.status() == OrderStatus.CANCELLED) {
            log.info("order {} was paid {} fen after it was cancelled: refunded", order.number(), amountFen);
            RefundSplit split = RefundSplit.of(amountFen, only(charge.revenueClass(), amountFen));
            UUID refundId = dev.commonhold.platform.ids.Ids.newId();
            orders.insertRefund(refundId, order.id(), split, "订单已取消后到账，全额退还", "commerce", settledAt);
            events.refunded(order, refundId, split, "paid after the order was cancelled", false, settledAt);
            return;
        }
        List<OrderCharges.Charge> all = charges.ofOrder(orderId);
        if (order.status() == OrderStatus.PLACED && all.stream().allMatch(c -> c.settledFen() >= c.amountFen())) {
            orders.status(orderId, OrderStatus.PAID, settledAt, null);
            Order paid = orders.lock(orderId).orElseThrow();
            events.paid(paid, settledAt);
            if (changes.isLocker(paid)) { // the compartment opens for the recipient
                orders.status(orderId, OrderStatus.FULFILLED, settledAt, null);
                stock.giveBack(stock.offering(order.communityId(), order.offeringId()).orElseThrow(), order.serviceDate(), order.quantity());
            }
        }
    }

    /** The bank took a payment back: recorded as a refund by reversal, so the merchant's next settlement is short of it too. */
    public void reversed(UUID settlementId, Instant at) {
        OrderCharges.Reversed reversed = charges.reversed(settlementId, at);
        if (reversed == null) {
            return;
        }
        Order order = orders.lock(reversed.charge().orderId()).orElseThrow();
        long fen = Math.min(reversed.amountFen(), order.price().payerFen() - order.refundedFen());
        if (fen < reversed.amountFen()) {
            log.warn("order {}: the bank took back {} fen of which {} was refunded already: the buyer was paid twice, recover it", order.number(),
                    reversed.amountFen(), reversed.amountFen() - fen);
        }
        if (fen == 0) {
            return;
        }
        RefundSplit split = RefundSplit.of(fen, only(reversed.charge().revenueClass(), fen));
        UUID refundId = dev.commonhold.platform.ids.Ids.newId();
        orders.insertRefund(refundId, order.id(), split, "银行退回付款", "bank", at);
        events.refunded(order, refundId, split, "payment reversed by the bank", true, at);
    }

    private UUID orderOf(UUID chargeId) {
        return charges.orderOf(chargeId);
    }

    private static long[] only(String revenueClass, long fen) {
        return switch (revenueClass) {
            case "commerce_commission" -> new long[]{fen, 0, 0};
            case "commerce_operator_commission" -> new long[]{0, fen, 0};
            default -> new long[]{0, 0, fen};
        };
    }
}
