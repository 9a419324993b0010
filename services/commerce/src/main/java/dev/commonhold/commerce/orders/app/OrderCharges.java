package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.orders.domain.Order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The charges an order raises through billing (commerce.charge-raised.v1, the shared charge schema):
 * one per revenue class with something in it — commerce_commission, commerce_operator_commission,
 * merchant_proceeds — kept and published in one transaction, and what billing settled of each.
 */
public interface OrderCharges {

    record Charge(UUID id, UUID orderId, String revenueClass, long amountFen, long settledFen, Instant cancelledAt) {
    }

    void raise(Order order, Instant at);

    /** Cancels those still open (billing cancels their lines). */
    void cancelOpen(UUID orderId, String reason, Instant at);

    List<Charge> ofOrder(UUID orderId);

    /** The order a charge of ours belongs to, or null when the charge is not ours. */
    UUID orderOf(UUID chargeId);

    /** Records a settlement of one of our charges once; @return the charge, or null when not ours or seen before */
    Charge settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt);

    /** Records a reversal of a settlement once; @return the charge and the amount taken back, or null */
    Reversed reversed(UUID settlementId, Instant at);

    record Reversed(Charge charge, long amountFen) {
    }
}
