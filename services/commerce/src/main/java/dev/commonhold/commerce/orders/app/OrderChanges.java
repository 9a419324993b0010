package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.merchants.app.MerchantStore;
import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.commerce.merchants.domain.InvalidRequest;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.orders.domain.RefundSplit;
import dev.commonhold.commerce.register.CommerceAccess;
import dev.commonhold.commerce.register.CommunityCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What happens to an order after it is placed: served (fulfilled), cancelled before it is served
 * (what was paid refunded, the seat given back), refunded in part or whole. Each locks the order
 * first, so a payment arriving at the same moment is seen.
 */
@Service
public class OrderChanges {

    private final CommerceAccess access;
    private final Merchants merchants;
    private final MerchantStore stock;
    private final OrderStore orders;
    private final OrderCharges charges;
    private final OrderEvents events;
    private final Clock clock;

    OrderChanges(CommerceAccess access, Merchants merchants, MerchantStore stock, OrderStore orders, OrderCharges charges, OrderEvents events, Clock clock) {
        this.access = access;
        this.merchants = merchants;
        this.stock = stock;
        this.orders = orders;
        this.charges = charges;
        this.events = events;
        this.clock = clock;
    }

    /** Served: by the merchant or the operator's staff, once paid. */
    @Transactional
    public Order fulfil(Viewer viewer, UUID communityId, UUID orderId) {
        Order order = lockForSeller(viewer, communityId, orderId);
        if (order.status() != OrderStatus.PAID) {
            throw ProblemException.conflict("order %s is %s: only a paid order is served".formatted(order.number(), order.status()));
        }
        orders.status(order.id(), OrderStatus.FULFILLED, clock.instant(), null);
        return orders.find(communityId, orderId).orElseThrow();
    }

    /**
     * Cancelled before it is served — by its buyer, its merchant or the operator's staff: open charges
     * cancelled, what was paid refunded in full, the seat or stock given back.
     */
    @Transactional
    public Order cancel(Viewer viewer, UUID communityId, UUID orderId, String reason) {
        CommunityCopy community = access.visible(viewer, communityId);
        Order order = orders.lock(orderId).filter(o -> o.communityId().equals(communityId))
                .orElseThrow(() -> ProblemException.notFound("Order", orderId));
        boolean buyer = order.buyerLogin() != null && order.buyerLogin().equalsIgnoreCase(viewer.username());
        if (!buyer && !access.staffOfOperator(viewer, community) && !isSeller(viewer, order)) {
            if (access.manages(viewer, community)) {
                throw new AccessDeniedException("only the operator's staff, the merchant or the buyer cancel an order");
            }
            throw ProblemException.notFound("Order", orderId);
        }
        if (isLocker(order)) {
            throw ProblemException.conflict("a parcel is not cancelled: it is collected, its overdue fee paid (or waived by the operator's staff)");
        }
        if (order.status() != OrderStatus.PLACED && order.status() != OrderStatus.PAID) {
            throw ProblemException.conflict("order %s is %s: only an order not yet served can be cancelled%s".formatted(order.number(), order.status(),
                    order.status() == OrderStatus.FULFILLED ? "; ask the merchant for a refund" : ""));
        }
        cancel(order, reason, viewer.username(), clock.instant());
        return orders.find(communityId, orderId).orElseThrow();
    }

    /**
     * Inside a locked order's transaction; the sweep of unpaid orders uses it too. The seat is given back
     * at once; charges still open stay open in billing for a while ({@link UnpaidOrders}), so a payment
     * already under way settles and is refunded whole rather than landing on a cancelled line.
     */
    void cancel(Order order, String reason, String by, Instant at) {
        long paid = paid(order);
        long left = paid - order.refundedFen();
        if (left > 0) {
            refund(order, left, "订单取消：" + reason, by, at, false);
        }
        orders.status(order.id(), OrderStatus.CANCELLED, at, reason);
        stock.giveBack(stock.offering(order.communityId(), order.offeringId()).orElseThrow(), order.serviceDate(), order.quantity());
    }

    /** A refund of part or all of what the buyer paid: by the merchant or the operator's staff. */
    @Transactional
    public OrderStore.Refund refund(Viewer viewer, UUID communityId, UUID orderId, long amountFen, String reason) {
        Order order = lockForSeller(viewer, communityId, orderId);
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.FULFILLED) {
            throw ProblemException.conflict("order %s is %s: only a paid order is refunded (an unpaid one is cancelled)".formatted(order.number(),
                    order.status()));
        }
        long left = paid(order) - order.refundedFen();
        if (amountFen < 1 || amountFen > left) {
            throw new InvalidRequest("amountFen", left == 0 ? "nothing is left to refund on this order"
                    : "must be 1 to %d fen (what the buyer paid less what was refunded)".formatted(left));
        }
        UUID id = refund(order, amountFen, reason, viewer.username(), clock.instant(), false);
        return orders.refunds(orderId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    UUID refund(Order order, long amountFen, String reason, String by, Instant at, boolean byReversal) {
        RefundSplit split = RefundSplit.of(amountFen, order.left(orders.refundedParts(order.id())));
        UUID id = Ids.newId();
        orders.insertRefund(id, order.id(), split, reason, by, at);
        events.refunded(order, id, split, reason, byReversal, at);
        return id;
    }

    /** What billing settled of the order's charges. */
    long paid(Order order) {
        return charges.ofOrder(order.id()).stream().mapToLong(OrderCharges.Charge::settledFen).sum();
    }

    private Order lockForSeller(Viewer viewer, UUID communityId, UUID orderId) {
        CommunityCopy community = access.visible(viewer, communityId);
        Order order = orders.lock(orderId).filter(o -> o.communityId().equals(communityId))
                .orElseThrow(() -> ProblemException.notFound("Order", orderId));
        if (!access.staffOfOperator(viewer, community) && !isSeller(viewer, order)) {
            if (access.manages(viewer, community) || order.buyerLogin() != null && order.buyerLogin().equalsIgnoreCase(viewer.username())) {
                throw new AccessDeniedException("the merchant or the operator's staff do this");
            }
            throw ProblemException.notFound("Order", orderId);
        }
        return order;
    }

    private boolean isSeller(Viewer viewer, Order order) {
        Merchant merchant = merchants.merchant(order.communityId(), order.merchantId());
        return Merchants.isMerchant(viewer, merchant);
    }

    boolean isLocker(Order order) {
        return order.kind() == OfferingKind.LOCKER_STORAGE;
    }
}
