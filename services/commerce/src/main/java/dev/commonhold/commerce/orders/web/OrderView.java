package dev.commonhold.commerce.orders.web;

import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.commerce.orders.app.OrderCharges;
import dev.commonhold.commerce.orders.app.OrderQueries;
import dev.commonhold.commerce.orders.app.OrderStore;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderPrice;
import dev.commonhold.commerce.orders.domain.OrderStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as its viewer may see it (a regulator: the buyer's name masked, no birth date).
 *
 * @param payment what is left to pay and the charge ids to pay it with (billing's channel order), while it waits for payment
 */
record OrderView(UUID id, String number, UUID merchantId, UUID offeringId, OfferingKind kind, int quantity, LocalDate serviceDate, String placedVia,
                 String buyerName, String buyerLogin, LocalDate buyerBirthDate, Integer buyerAge, String ageVerifiedBy, long unitPriceFen, OrderPrice price,
                 OrderStatus status, long paidFen, long refundedFen, Instant placedAt, Instant payBy, Instant paidAt, Instant fulfilledAt, Instant cancelledAt,
                 String cancelReason, Instant storedAt, String compartment, UUID settlementId, UUID subsidyClaimId, Payment payment,
                 List<ChargeView> charges, List<OrderStore.Refund> refunds) {

    record ChargeView(UUID chargeId, String revenueClass, long amountFen, long settledFen, boolean cancelled) {
    }

    record Payment(long dueFen, List<UUID> chargeIds) {
    }

    static OrderView of(OrderQueries.Seen s) {
        Order o = s.order();
        List<ChargeView> charges = s.charges().stream().map(c -> new ChargeView(c.id(), c.revenueClass(), c.amountFen(), c.settledFen(),
                c.cancelledAt() != null)).toList();
        List<OrderCharges.Charge> open = s.charges().stream().filter(c -> c.cancelledAt() == null && c.settledFen() < c.amountFen()).toList();
        Payment payment = o.status() == OrderStatus.PLACED && !open.isEmpty()
                ? new Payment(open.stream().mapToLong(c -> c.amountFen() - c.settledFen()).sum(), open.stream().map(OrderCharges.Charge::id).toList())
                : null;
        return new OrderView(o.id(), o.number(), o.merchantId(), o.offeringId(), o.kind(), o.quantity(), o.serviceDate(), o.placedVia().name(),
                s.full() ? o.buyerName() : o.publicBuyerName(), s.full() ? o.buyerLogin() : null, s.full() ? o.buyerBirthDate() : null, o.verifiedAge(),
                o.ageVerifiedBy(), o.unitPriceFen(), o.price(), o.status(), s.charges().stream().mapToLong(OrderCharges.Charge::settledFen).sum(),
                o.refundedFen(), o.placedAt(), o.payBy(), o.paidAt(), o.fulfilledAt(), o.cancelledAt(), o.cancelReason(), o.storedAt(), o.compartment(),
                o.settlementId(), o.subsidyClaimId(), payment, charges, s.refunds());
    }
}
