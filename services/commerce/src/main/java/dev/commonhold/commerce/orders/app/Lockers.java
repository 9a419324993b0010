package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.merchants.app.MerchantStore;
import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.Offering;
import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderPrice;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.register.CommerceAccess;
import dev.commonhold.commerce.register.CommunityCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Express lockers (快递柜): the courier or the operator's staff store a parcel for a resident (a
 * compartment taken); the resident collects it — free within the free hours, else the overdue fee is
 * charged through billing (split like any order) and the compartment opens once it is paid.
 */
@Service
public class Lockers {

    private final CommerceAccess access;
    private final Merchants merchants;
    private final MerchantStore stock;
    private final OrderStore orders;
    private final OrderCharges charges;
    private final Clock clock;

    Lockers(CommerceAccess access, Merchants merchants, MerchantStore stock, OrderStore orders, OrderCharges charges, Clock clock) {
        this.access = access;
        this.merchants = merchants;
        this.stock = stock;
        this.orders = orders;
        this.charges = charges;
        this.clock = clock;
    }

    /** A parcel stored: by the locker's merchant or the operator's staff. */
    @Transactional
    public Order store(Viewer viewer, UUID communityId, UUID offeringId, String recipientLogin, String recipientName, String compartment) {
        CommunityCopy community = access.visible(viewer, communityId);
        Offering locker = stock.offering(communityId, offeringId).filter(o -> o.kind() == OfferingKind.LOCKER_STORAGE)
                .orElseThrow(() -> ProblemException.notFound("Locker bank", offeringId));
        Merchant merchant = merchants.merchant(communityId, locker.merchantId());
        if (!access.staffOfOperator(viewer, community) && !Merchants.isMerchant(viewer, merchant)) {
            throw new org.springframework.security.access.AccessDeniedException("the locker's operator or the community's staff store parcels");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, community.zone());
        if (stock.take(locker, today, 1) != null) {
            throw ProblemException.conflict("%s: every compartment is taken — wait for a collection".formatted(locker.name())).with("field", "stock");
        }
        Order order = new Order(Ids.newId(), orders.nextNumber(today), communityId, merchant.id(), locker.id(), locker.kind(), 1, today, Order.Via.LOCKER,
                recipientLogin.toLowerCase(Locale.ROOT), recipientName.strip(), null, null, 0, OrderPrice.of(0, 0, merchant.commission()),
                OrderStatus.STORED, 0, viewer.username(), now, null, null, null, null, null, now, compartment, null, null);
        orders.insert(order);
        return order;
    }

    /**
     * The recipient (or staff for them) collects: free within the free hours — the compartment opens now;
     * else the overdue fee is charged and it opens when paid.
     */
    @Transactional
    public Order collect(Viewer viewer, UUID communityId, UUID orderId) {
        CommunityCopy community = access.visible(viewer, communityId);
        Order order = orders.lock(orderId).filter(o -> o.communityId().equals(communityId) && o.kind() == OfferingKind.LOCKER_STORAGE)
                .orElseThrow(() -> ProblemException.notFound("Parcel", orderId));
        boolean recipient = order.buyerLogin() != null && order.buyerLogin().equalsIgnoreCase(viewer.username());
        if (!recipient && !access.staffOfOperator(viewer, community)) {
            if (access.manages(viewer, community)) {
                throw new org.springframework.security.access.AccessDeniedException("the recipient or the operator's staff collect a parcel");
            }
            throw ProblemException.notFound("Parcel", orderId);
        }
        if (order.status() != OrderStatus.STORED) {
            return order; // collected already, or waiting for its fee: asking again changes nothing
        }
        Offering locker = stock.offering(communityId, order.offeringId()).orElseThrow();
        Instant now = clock.instant();
        long fee = locker.locker().overdueFee(order.storedAt(), now);
        if (fee == 0) {
            orders.status(orderId, OrderStatus.FULFILLED, now, null);
            stock.giveBack(locker, order.serviceDate(), 1);
        } else {
            Merchant merchant = merchants.merchant(communityId, locker.merchantId());
            Order priced = withPrice(order, OrderPrice.of(fee, 0, merchant.commission()), now);
            orders.priced(priced);
            charges.raise(priced, now);
        }
        return orders.find(communityId, orderId).orElseThrow();
    }

    private static Order withPrice(Order o, OrderPrice price, Instant now) {
        return new Order(o.id(), o.number(), o.communityId(), o.merchantId(), o.offeringId(), o.kind(), o.quantity(), o.serviceDate(), o.placedVia(),
                o.buyerLogin(), o.buyerName(), o.buyerBirthDate(), o.ageVerifiedBy(), price.grossFen(), price, OrderStatus.PLACED, 0, o.placedBy(),
                o.placedAt(), null, null, null, null, null, o.storedAt(), o.compartment(), null, null);
    }
}
