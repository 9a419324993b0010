package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.merchants.app.MerchantStore;
import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.commerce.merchants.domain.Eligibility;
import dev.commonhold.commerce.merchants.domain.InvalidRequest;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.Offering;
import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderPrice;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.orders.domain.SubsidyPolicy;
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
import java.time.LocalTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Orders placed by residents for themselves or by the operator's staff at the counter (for the
 * elderly): priced, subsidised, commission split, the seat or stock taken, the buyer's part charged
 * through billing. Nothing is taken or charged unless all of it is.
 */
@Service
public class Orders {

    /** Meals and sessions are ordered at most this far ahead. */
    private static final int DAYS_AHEAD = 30;

    private final CommerceAccess access;
    private final Merchants merchants;
    private final MerchantStore stock;
    private final OrderStore orders;
    private final OrderCharges charges;
    private final OrderEvents events;
    private final CommerceProperties properties;
    private final Clock clock;

    Orders(CommerceAccess access, Merchants merchants, MerchantStore stock, OrderStore orders, OrderCharges charges, OrderEvents events,
           CommerceProperties properties, Clock clock) {
        this.access = access;
        this.merchants = merchants;
        this.stock = stock;
        this.orders = orders;
        this.charges = charges;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A resident orders for themself; their subsidy rests on the birth date the staff checked once ({@link #verifyElder}). */
    @Transactional
    public Order placeByResident(Viewer viewer, UUID communityId, NewOrder o) {
        CommunityCopy community = access.residentOf(viewer, communityId);
        String login = viewer.username().toLowerCase(Locale.ROOT);
        var elder = orders.elder(communityId, login);
        return place(community, o, Order.Via.RESIDENT, login, elder.map(OrderStore.Elder::name).orElse(login),
                elder.map(OrderStore.Elder::birthDate).orElse(null), elder.map(OrderStore.Elder::verifiedBy).orElse(null), viewer.username());
    }

    /** Staff at the counter order for someone (an elderly person without a phone): the birth date given is the one they checked. */
    @Transactional
    public Order placeAtCounter(Viewer viewer, UUID communityId, NewOrder o) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        if (o.buyerName() == null || o.buyerName().isBlank()) {
            throw new InvalidRequest("buyerName", "the name of the person served at the counter is required");
        }
        String login = o.buyerLogin() == null ? null : o.buyerLogin().toLowerCase(Locale.ROOT);
        return place(community, o, Order.Via.COUNTER, login, o.buyerName().strip(), o.buyerBirthDate(),
                o.buyerBirthDate() == null ? null : viewer.username(), viewer.username());
    }

    private Order place(CommunityCopy community, NewOrder o, Order.Via via, String login, String name, LocalDate birthDate, String verifiedBy,
                        String placedBy) {
        Offering offering = stock.offering(community.id(), o.offeringId())
                .orElseThrow(() -> new InvalidRequest("offeringId", "no such offering in this community"));
        if (offering.kind() == OfferingKind.LOCKER_STORAGE) {
            throw new InvalidRequest("offeringId", "locker storage is not ordered: a parcel is stored for its recipient (POST .../lockers/{offeringId}/parcels)");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, community.zone());
        LocalDate day = o.serviceDate() == null ? today : o.serviceDate();
        checkDay(offering, day, today, LocalTime.ofInstant(now, community.zone()));
        if (o.quantity() < 1 || o.quantity() > 100) {
            throw new InvalidRequest("quantity", "must be 1 to 100");
        }
        Integer age = birthDate == null ? null : SubsidyPolicy.age(birthDate, day);
        if (birthDate != null && (birthDate.isAfter(today) || age > 130)) {
            throw new InvalidRequest("buyerBirthDate", "must be a real birth date");
        }
        if (offering.eligibility() == Eligibility.ELDERLY && (age == null || age < offering.minAge())) {
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    dev.commonhold.platform.web.problem.ProblemType.of("commerce-not-eligible"), "Not eligible",
                    "%s is for people of %d or older whose birth date the operator's staff checked%s".formatted(offering.name(), offering.minAge(),
                            age == null ? ": ask at the counter to have your ID checked once" : "; the buyer is " + age))
                    .with("errors", java.util.List.of(new dev.commonhold.platform.web.problem.FieldError("buyerBirthDate", "below the minimum age or not checked")));
        }
        Merchant merchant = merchants.merchant(community.id(), offering.merchantId());
        SubsidyPolicy policy = properties.subsidyFor(community.divisionCode());
        Integer verifiedAge = verifiedBy == null ? null : age;
        int already = verifiedAge == null || policy.band(offering.kind(), verifiedAge).isEmpty() ? 0
                : orders.subsidisedUnits(community.id(), login, name, birthDate, offering.kind().name(), day);
        long subsidy = policy.entitled(offering.kind(), verifiedAge, o.quantity(), already);
        OrderPrice price = OrderPrice.of(OrderPrice.gross(offering.priceFen(), o.quantity()), subsidy, merchant.commission());
        MerchantStore.Shortage shortage = stock.take(offering, day, o.quantity());
        if (shortage != null) {
            throw ProblemException.conflict("%s: only %d left%s — choose fewer or another day".formatted(offering.name(), shortage.left(),
                    shortage.field().equals("capacityPerDay") ? " on " + day : "")).with("field", shortage.field()).with("left", shortage.left());
        }
        boolean nothingToPay = price.payerFen() == 0;
        Order order = new Order(Ids.newId(), orders.nextNumber(today), community.id(), merchant.id(), offering.id(), offering.kind(), o.quantity(), day,
                via, login, name, birthDate, verifiedBy, offering.priceFen(), price, nothingToPay ? OrderStatus.PAID : OrderStatus.PLACED, 0, placedBy,
                now, nothingToPay ? null : now.plus(properties.holdUnpaid()), nothingToPay ? now : null, null, null, null, null, null, null, null);
        orders.insert(order);
        if (nothingToPay) {
            events.paid(order, now);
        } else {
            charges.raise(order, now);
        }
        return order;
    }

    private static void checkDay(Offering offering, LocalDate day, LocalDate today, LocalTime now) {
        if (day.isBefore(today) || day.isAfter(today.plusDays(DAYS_AHEAD))) {
            throw new InvalidRequest("serviceDate", "must be today or up to %d days ahead".formatted(DAYS_AHEAD));
        }
        if (day.equals(today) && !now.isBefore(offering.closesAt())) {
            throw ProblemException.conflict("%s has closed for today (%s–%s): order for tomorrow".formatted(offering.name(), offering.opensAt(),
                    offering.closesAt())).with("field", "serviceDate");
        }
    }

    /** The operator's staff record the birth date on an elderly resident's ID, once: their own orders then carry the subsidy. */
    @Transactional
    public OrderStore.Elder verifyElder(Viewer viewer, UUID communityId, String login, String name, LocalDate birthDate) {
        access.staffOf(viewer, communityId);
        if (birthDate.isAfter(LocalDate.now(clock)) || birthDate.isBefore(LocalDate.of(1890, 1, 1))) {
            throw new InvalidRequest("birthDate", "must be a real birth date");
        }
        Instant now = clock.instant();
        orders.putElder(communityId, login.toLowerCase(Locale.ROOT), name.strip(), birthDate, viewer.username(), now);
        return orders.elder(communityId, login.toLowerCase(Locale.ROOT)).orElseThrow();
    }
}
