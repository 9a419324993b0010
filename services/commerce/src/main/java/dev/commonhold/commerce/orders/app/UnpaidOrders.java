package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An order not paid by its pay-by time gives its seat or stock back: cancelled. Its charges — and those
 * of any order cancelled unpaid — are cancelled in billing only once no payment can be under way for
 * them ({@code commerce.cancel-charges-after} after the cancellation, longer than a channel order
 * stays payable): a payment that arrives before settles the open charge and is refunded whole. Nothing
 * partly paid is cancelled here — a payment on its way finishes it. One order per transaction, rows
 * another node is working on skipped.
 */
@Service
public class UnpaidOrders {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrders.class);

    private final OrderStore orders;
    private final OrderChanges changes;
    private final TransactionTemplate tx;
    private final OrderCharges charges;
    private final CommerceProperties properties;
    private final Clock clock;

    UnpaidOrders(OrderStore orders, OrderChanges changes, OrderCharges charges, CommerceProperties properties, TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.charges = charges;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${commerce.sweep.first:PT30S}", fixedDelayString = "${commerce.sweep.every:PT1M}")
    public int releaseUnpaid() {
        int released = 0;
        for (UUID id : tx.execute(s -> orders.unpaidPast(clock.instant(), 500))) {
            if (Boolean.TRUE.equals(tx.execute(s -> release(id, clock.instant())))) {
                released++;
            }
        }
        if (released > 0) {
            log.info("released the seats of {} unpaid orders", released);
        }
        for (UUID id : tx.execute(s -> orders.cancelledWithOpenCharges(clock.instant().minus(properties.cancelChargesAfter()), 500))) {
            tx.executeWithoutResult(s -> orders.lock(id).filter(o -> o.status() == OrderStatus.CANCELLED)
                    .ifPresent(o -> charges.cancelOpen(o.id(), o.cancelReason() == null ? "订单已取消" : o.cancelReason(), clock.instant())));
        }
        return released;
    }

    private boolean release(UUID id, Instant now) {
        Order order = orders.lock(id).orElseThrow();
        if (order.status() != OrderStatus.PLACED || order.payBy() == null || order.payBy().isAfter(now) || changes.paid(order) > 0) {
            return false;
        }
        changes.cancel(order, "未在 " + order.payBy() + " 前付款，名额已释放", "commerce", now);
        return true;
    }
}
