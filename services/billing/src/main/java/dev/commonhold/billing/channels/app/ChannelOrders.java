package dev.commonhold.billing.channels.app;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.payments.app.PaymentStore;
import dev.commonhold.billing.payments.domain.OpenLine;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a WeChat Pay or Alipay order for a household's open invoice lines (all of them, or the
 * invoices named). The amount is fixed at opening; a notification must match it to settle.
 */
@Service
public class ChannelOrders {

    private static final Set<String> CHANNELS = Set.of("WECHAT_PAY", "ALIPAY");
    /** WeChat Pay's default order validity is 2 hours; Alipay's timeout_express is set to match. */
    private static final Duration VALID_FOR = Duration.ofHours(2);
    /** A driver pays at the barrier within minutes: an abandoned order frees the fee for another channel soon. */
    private static final Duration AT_THE_EXIT = Duration.ofMinutes(10);

    private final BillingAccess access;
    private final PaymentStore payments;
    private final ChannelOrderStore orders;
    private final Clock clock;

    ChannelOrders(BillingAccess access, PaymentStore payments, ChannelOrderStore orders, Clock clock) {
        this.access = access;
        this.payments = payments;
        this.orders = orders;
        this.clock = clock;
    }

    @Transactional
    public ChannelOrder open(Viewer viewer, UUID communityId, UUID unitId, String channel, List<UUID> invoiceIds) {
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        if (!CHANNELS.contains(channel)) {
            throw new BillingRuleViolation("channel", "must be WECHAT_PAY or ALIPAY", null);
        }
        List<OpenLine> open = payments.lockOpenLines(unit.id(), null).stream()
                .filter(l -> invoiceIds == null || invoiceIds.isEmpty() || invoiceIds.contains(l.invoiceId())).toList();
        if (invoiceIds != null && !invoiceIds.isEmpty() && open.stream().map(OpenLine::invoiceId).distinct().count() != invoiceIds.size()) {
            throw new BillingRuleViolation("invoiceIds", "every invoice named must be this unit's and still open", null);
        }
        long amount = open.stream().mapToLong(OpenLine::openFen).sum();
        if (amount == 0) {
            throw new BillingRuleViolation("invoiceIds", "nothing is open to pay for this unit", null);
        }
        UUID id = Ids.newId();
        ChannelOrder order = new ChannelOrder(id, id.toString().replace("-", ""), channel, communityId, unit.id(), amount,
                open.stream().map(OpenLine::lineId).toList(), clock.instant(), clock.instant().plus(VALID_FOR), null);
        orders.insert(order, viewer.subject());
        return order;
    }

    /**
     * Pay by QR code: an order for one charge, opened by whoever scans it — at the barrier for a
     * parking fee (no login: a visitor has none), on a tenant's rent invoice, or for a commerce order,
     * whose charges (the merchant's part and the commission) are paid together: {@code chargeIds} lists
     * them all. Only charges whose payer is a plate, a tenant or a customer, only their open amounts;
     * paying someone else's fee harms no one, and nothing of a household shows. The same order is
     * answered again while it is open (one fee, one payable order): 409 for another channel, or for
     * another set of charges that shares one with it, until it expires.
     */
    @Transactional
    public ChannelOrder openForCharges(UUID communityId, List<UUID> chargeIds, String channel) {
        if (!CHANNELS.contains(channel)) {
            throw new BillingRuleViolation("channel", "must be WECHAT_PAY or ALIPAY", null);
        }
        List<UUID> distinct = chargeIds.stream().distinct().sorted().toList(); // locked in one order: two payers of one set cannot deadlock
        List<OpenLine> lines = new java.util.ArrayList<>();
        for (UUID chargeId : distinct) {
            lines.add(payments.lockOpenChargeLine(communityId, chargeId).orElseThrow(() -> ProblemException.notFound("Open charge", chargeId)));
        }
        Optional<ChannelOrder> open = lines.stream().flatMap(l -> orders.openForLine(l.lineId(), clock.instant()).stream()).findFirst();
        if (open.isPresent()) { // a second order for the same fee could be paid twice, and a plate has no credit to keep the difference
            boolean same = open.get().lineIds().size() == lines.size() && lines.stream().allMatch(l -> open.get().lineIds().contains(l.lineId()));
            if (open.get().channel().equals(channel) && same) {
                return open.get();
            }
            throw ProblemException.conflict("an order for %s through %s is open until %s: pay it there, or try again after then"
                    .formatted(same ? "these charges" : "one of these charges", open.get().channel(), open.get().expiresAt()));
        }
        UUID id = Ids.newId();
        ChannelOrder order = new ChannelOrder(id, id.toString().replace("-", ""), channel, communityId, null, lines.stream().mapToLong(OpenLine::openFen).sum(),
                lines.stream().map(OpenLine::lineId).toList(), clock.instant(), clock.instant().plus(AT_THE_EXIT), null);
        orders.insert(order, "pay-at-exit");
        return order;
    }

    /** A household's order: its household and the operator's staff; a plate's order paid at the exit: the operator's staff. */
    public ChannelOrder get(Viewer viewer, UUID communityId, UUID orderId) {
        ChannelOrder order = orders.find(communityId, orderId).orElseThrow(() -> ProblemException.notFound("Order", orderId));
        if (order.unitId() == null) {
            access.staffOf(viewer, communityId);
        } else {
            access.unit(viewer, communityId, order.unitId());
        }
        return order;
    }
}
