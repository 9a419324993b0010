package dev.commonhold.commerce.orders.messaging;

import dev.commonhold.commerce.orders.app.OrderEvents;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderPrice;
import dev.commonhold.commerce.orders.domain.RefundSplit;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** commerce.order-paid.v1 and commerce.order-refunded.v1, keyed by community; the buyer's name travels masked. */
@Component
class OutboxOrderEvents implements OrderEvents {

    private final Outbox outbox;

    OutboxOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void paid(Order o, Instant at) {
        Map<String, Object> p = common(o);
        OrderPrice price = o.price();
        p.put("kind", o.kind().name());
        p.put("quantity", o.quantity());
        p.put("serviceDate", o.serviceDate().toString());
        p.put("grossFen", price.grossFen());
        p.put("subsidyFen", price.subsidyFen());
        p.put("payerFen", price.payerFen());
        p.put("communityCommissionFen", price.communityCommissionFen());
        p.put("operatorCommissionFen", price.operatorCommissionFen());
        p.put("merchantFen", price.merchantFen());
        p.put("paidAt", at.toString());
        outbox.append(new NewEvent("commerce.order-paid.v1", o.communityId(), o.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public void refunded(Order o, UUID refundId, RefundSplit s, String reason, boolean byReversal, Instant at) {
        Map<String, Object> p = common(o);
        p.put("refundId", refundId.toString());
        p.put("amountFen", s.amountFen());
        p.put("communityCommissionFen", s.communityCommissionFen());
        p.put("operatorCommissionFen", s.operatorCommissionFen());
        p.put("merchantFen", s.merchantFen());
        p.put("reason", reason.length() > 200 ? reason.substring(0, 200) : reason);
        p.put("byReversal", byReversal);
        p.put("refundedAt", at.toString());
        outbox.append(new NewEvent("commerce.order-refunded.v1", o.communityId(), o.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }

    private static Map<String, Object> common(Order o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", o.id().toString());
        p.put("number", o.number());
        p.put("communityId", o.communityId().toString());
        p.put("merchantId", o.merchantId().toString());
        p.put("buyerName", o.publicBuyerName());
        return p;
    }
}
