package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.register.CommerceAccess;
import dev.commonhold.commerce.register.CommunityCopy;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who sees which orders: the operator's staff all of the community's; a regulator all, buyers' names
 * masked; a merchant its own; a resident the orders they bought (or had stored in a locker).
 */
@Service
public class OrderQueries {

    /** @param full the viewer sees the buyer's name and birth date (staff, the order's merchant, the buyer) */
    public record Seen(Order order, boolean full, List<OrderCharges.Charge> charges, List<OrderStore.Refund> refunds) {
    }

    private final CommerceAccess access;
    private final Merchants merchants;
    private final OrderStore orders;
    private final OrderCharges charges;

    OrderQueries(CommerceAccess access, Merchants merchants, OrderStore orders, OrderCharges charges) {
        this.access = access;
        this.merchants = merchants;
        this.orders = orders;
        this.charges = charges;
    }

    public List<Seen> list(Viewer viewer, UUID communityId, OrderStatus status, UUID merchantId, int limit) {
        CommunityCopy community = access.visible(viewer, communityId);
        int max = Math.clamp(limit, 1, 500);
        if (access.manages(viewer, community) || access.oversees(viewer, community)) {
            boolean full = access.manages(viewer, community);
            return orders.list(communityId, merchantId, null, status, max).stream().map(o -> new Seen(o, full, charges.ofOrder(o.id()), List.of())).toList();
        }
        Set<UUID> own = ownMerchants(viewer, communityId);
        if (!own.isEmpty()) {
            return own.stream().filter(m -> merchantId == null || m.equals(merchantId))
                    .flatMap(m -> orders.list(communityId, m, null, status, max).stream()).map(o -> new Seen(o, true, charges.ofOrder(o.id()), List.of())).toList();
        }
        return orders.list(communityId, merchantId, viewer.username(), status, max).stream().map(o -> new Seen(o, true, charges.ofOrder(o.id()), List.of())).toList();
    }

    public Seen get(Viewer viewer, UUID communityId, UUID orderId) {
        CommunityCopy community = access.visible(viewer, communityId);
        Order order = orders.find(communityId, orderId).orElseThrow(() -> ProblemException.notFound("Order", orderId));
        boolean staff = access.manages(viewer, community);
        boolean seller = ownMerchants(viewer, communityId).contains(order.merchantId());
        boolean buyer = order.buyerLogin() != null && order.buyerLogin().equalsIgnoreCase(viewer.username());
        if (!staff && !seller && !buyer && !access.oversees(viewer, community)) {
            throw ProblemException.notFound("Order", orderId);
        }
        return new Seen(order, staff || seller || buyer, charges.ofOrder(orderId), orders.refunds(orderId));
    }

    private Set<UUID> ownMerchants(Viewer viewer, UUID communityId) {
        return merchants.list(viewer, communityId).stream().filter(m -> Merchants.isMerchant(viewer, m)).map(Merchant::id).collect(Collectors.toSet());
    }
}
