package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.RefundSplit;

import java.time.Instant;
import java.util.UUID;

/** commerce.order-paid.v1 and commerce.order-refunded.v1 (contracts/events/commerce), through the outbox. */
public interface OrderEvents {

    void paid(Order order, Instant at);

    /** @param byReversal the bank took the money back itself (nothing leaves the community's account for it) */
    void refunded(Order order, UUID refundId, RefundSplit split, String reason, boolean byReversal, Instant at);
}
