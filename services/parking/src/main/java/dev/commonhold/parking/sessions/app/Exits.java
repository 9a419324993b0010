package dev.commonhold.parking.sessions.app;

import dev.commonhold.parking.charges.app.ParkingCharges;
import dev.commonhold.parking.gate.app.GateAnswer;
import dev.commonhold.parking.gate.domain.Plate;
import dev.commonhold.parking.lots.app.LotStore;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
import dev.commonhold.parking.permits.app.PermitStore;
import dev.commonhold.parking.permits.domain.Permit;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.sessions.domain.Session;
import dev.commonhold.parking.tariffs.app.Tariffs;
import dev.commonhold.parking.tariffs.domain.Audience;
import dev.commonhold.parking.tariffs.domain.Pricing;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.money.Money;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An exit: the stay is priced (K3) and either passes (a permit, a private space, the free period)
 * or is charged through billing with the revenue class of the lot's visitor spaces (K1), the
 * barrier closed until it is paid. Called inside the gate's transaction.
 */
@Component
public class Exits {

    /** What the gate is told, and whether the read waits for the staff (several cars inside matched it). */
    public record Outcome(GateAnswer answer, boolean pending) {
        public static Outcome of(GateAnswer answer) {
            return new Outcome(answer, false);
        }
    }

    private final SessionStore sessions;
    private final PermitStore permits;
    private final LotStore lots;
    private final Tariffs tariffs;
    private final ParkingCharges charges;
    private final SessionEvents events;
    private final Clock clock;

    Exits(SessionStore sessions, PermitStore permits, LotStore lots, Tariffs tariffs, ParkingCharges charges, SessionEvents events, Clock clock) {
        this.sessions = sessions;
        this.permits = permits;
        this.lots = lots;
        this.tariffs = tariffs;
        this.charges = charges;
        this.events = events;
        this.clock = clock;
    }

    /** Prices and closes a session inside; {@code matchedBy}: EXACT, ONE_CHARACTER_OFF, CONFUSABLE or STAFF (K4). */
    public GateAnswer close(UUID eventId, CommunityCopy community, Lot lot, Gate gate, Session inside, String plateRead, Instant exitAt,
                            String matchedBy) {
        LocalDate day = exitAt.atZone(community.zone()).toLocalDate();
        String readDiffers = plateRead.equals(inside.plate()) ? null : plateRead;
        if (passesFree(lot, inside.plate(), inside.unitId(), day)) {
            return finish(eventId, community.zone(), lot, gate, inside, exitAt, 0, null, readDiffers, matchedBy, null);
        }
        Audience audience = inside.unitId() != null ? Audience.RESIDENT_EXTRA_CAR : Audience.VISITOR;
        long price;
        String note = null;
        try {
            price = tariffs.price(lot, community, audience, inside.enteredAt(), exitAt).totalFen();
        } catch (ParkingRuleViolation noTariff) {
            price = lot.minimumFeeFen();
            note = noTariff.getMessage() + ": charged the lot's minimum fee";
        }
        Session priced = withAudience(inside, Session.PERMIT.equals(inside.audience()) ? audience.name() : inside.audience());
        return finish(eventId, community.zone(), lot, gate, priced, exitAt, price, describe(priced, exitAt, lot), readDiffers, matchedBy, note);
    }

    /** K4's last step: no entry found, not even by a fuzzy match — the lot's minimum fee, and why, kept with the session. */
    public GateAnswer withoutEntry(UUID eventId, CommunityCopy community, Lot lot, Gate gate, Plate plate, Instant exitAt) {
        UUID household = permits.householdOf(community.id(), plate.text()).orElse(null);
        LocalDate day = exitAt.atZone(community.zone()).toLocalDate();
        boolean free = passesFree(lot, plate.text(), household, day);
        Session session = new Session(Ids.newId(), community.id(), lot.id(), plate.text(), household, null,
                free ? Session.PERMIT : household != null ? Audience.RESIDENT_EXTRA_CAR.name() : Audience.VISITOR.name(), null, null, null, null,
                Session.Status.INSIDE, null, null, null, null, null, null);
        sessions.insert(session);
        String note = "K4: no entry record for " + plate.display() + " and no car inside within one character or a confusable read";
        long price = free ? 0 : lot.minimumFeeFen();
        return finish(eventId, community.zone(), lot, gate, session, exitAt, price, "停车费（无入场记录，按最低收费） " + plate.display() + " " + lot.name(), null,
                "NO_ENTRY", note);
    }

    /** The same car read again at the exit after it was priced: open once paid, else the fee again. */
    public GateAnswer again(UUID eventId, Session departing) {
        Plate plate = new Plate(departing.plate());
        return switch (departing.status()) {
            case AWAITING_PAYMENT -> new GateAnswer(eventId, false, "请缴费" + Money.yuan(departing.priceFen()) + "元" + " " + plate.display(),
                    departing.priceFen(), departing.id(), payUrl(departing), false);
            default -> new GateAnswer(eventId, true, "一路顺风 " + plate.display(), null, departing.id(), null, false);
        };
    }

    private GateAnswer finish(UUID eventId, java.time.ZoneId zone, Lot lot, Gate gate, Session session, Instant exitAt, long price, String description, String readDiffers,
                              String matchedBy, String note) {
        Plate plate = new Plate(session.plate());
        UUID chargeId = null;
        String revenueClass = null;
        if (price > 0) {
            chargeId = Ids.newId();
            revenueClass = lot.visitorSpaceKind().revenueClass();
            LocalDate dueOn = LocalDate.now(clock);
            // The days the stay served, so franchise oversight can hold the charge against a daily cap (FR2); none known without an entry.
            LocalDate servedTo = LocalDate.ofInstant(exitAt, zone);
            LocalDate servedFrom = session.enteredAt() == null ? servedTo : LocalDate.ofInstant(session.enteredAt(), zone);
            charges.raise(new ParkingCharges.NewCharge(chargeId, session.communityId(), lot.id(), ParkingCharges.Source.SESSION, session.id(),
                    "plate", plate.text(), session.unitId(), null, revenueClass, price, servedFrom, servedTo, dueOn, description), clock.instant());
        }
        Session closed = new Session(session.id(), session.communityId(), session.lotId(), session.plate(), session.unitId(), session.permitId(),
                session.audience(), session.enteredAt(), session.entryGate(), exitAt, gate.serial(),
                price > 0 ? Session.Status.AWAITING_PAYMENT : Session.Status.PASSED, price, revenueClass, chargeId, readDiffers, matchedBy, note);
        sessions.closed(closed);
        events.closed(closed);
        if (price == 0) {
            return new GateAnswer(eventId, true, "一路顺风 " + plate.display(), null, closed.id(), null, false);
        }
        String stay = session.enteredAt() == null ? "无入场记录" : "停车" + Session.stayText(session.enteredAt(), exitAt);
        return new GateAnswer(eventId, false, stay + " 请缴费" + Money.yuan(price) + "元" + " " + plate.display(), price, closed.id(), payUrl(closed), false);
    }

    /** A permit valid (or in grace) on the day, or a private space of the plate's household in this lot. */
    private boolean passesFree(Lot lot, String plate, UUID household, LocalDate day) {
        boolean permit = permits.latestFor(lot.id(), plate).map(p -> p.on(day, lot.permitGraceDays()) != Permit.Standing.EXPIRED).orElse(false);
        return permit || (household != null && lots.hasPrivateSpace(lot.id(), household));
    }

    private static Session withAudience(Session s, String audience) {
        return new Session(s.id(), s.communityId(), s.lotId(), s.plate(), s.unitId(), s.permitId(), audience, s.enteredAt(), s.entryGate(),
                s.exitedAt(), s.exitGate(), s.status(), s.priceFen(), s.revenueClass(), s.chargeId(), s.exitPlateRead(), s.matchedBy(), s.note());
    }

    private static String describe(Session s, Instant exitAt, Lot lot) {
        String kind = Audience.RESIDENT_EXTRA_CAR.name().equals(s.audience()) ? "住户车辆停车费 " : "临时停车费 ";
        return kind + new Plate(s.plate()).display() + " " + lot.name() + " " + Session.stayText(s.enteredAt(), exitAt);
    }

    /** Where the driver pays this session's charge (the QR code at the exit leads here, through the gateway). */
    static String payUrl(Session s) {
        return "/api/billing/communities/" + s.communityId() + "/charges/" + s.chargeId() + "/channel-orders";
    }
}
