package dev.commonhold.parking.gate.app;

import dev.commonhold.parking.gate.domain.Plate;
import dev.commonhold.parking.lots.app.LotStore;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.permits.app.PermitStore;
import dev.commonhold.parking.permits.domain.Permit;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.sessions.app.SessionStore;
import dev.commonhold.parking.sessions.domain.Session;
import dev.commonhold.parking.tariffs.domain.Audience;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * An entry: who the car is (a permit holder or a private space's household passes; a household's
 * other registered car is a resident's extra car; anyone else a visitor), whether there is room,
 * and a session opened. Entries that arrive out of order are recorded without disturbing what a
 * later event already decided.
 */
@Component
class Entries {

    private final SessionStore sessions;
    private final PermitStore permits;
    private final LotStore lots;

    Entries(SessionStore sessions, PermitStore permits, LotStore lots) {
        this.sessions = sessions;
        this.permits = permits;
        this.lots = lots;
    }

    GateAnswer enter(UUID eventId, CommunityCopy community, Lot lot, Gate gate, Plate plate, Instant capturedAt) {
        Optional<Session> inside = sessions.lockInside(lot.id(), plate.text());
        if (inside.isPresent() && !inside.get().enteredAt().isBefore(capturedAt)) {
            return new GateAnswer(eventId, true, "欢迎光临 " + plate.display(), null, inside.get().id(), null, false); // an older read, late
        }
        if (sessions.exitedWithoutEntryAfter(lot.id(), plate.text(), capturedAt)) {
            return new GateAnswer(eventId, true, "欢迎光临 " + plate.display(), null, null, null, false); // its exit was already charged (K4)
        }
        inside.ifPresent(missed -> sessions.exitMissed(missed.id(), "entered again at " + capturedAt + " with no exit seen since " + missed.enteredAt()));
        LocalDate day = capturedAt.atZone(community.zone()).toLocalDate();
        Optional<UUID> household = permits.householdOf(community.id(), plate.text());
        Optional<Permit> permit = permits.latestFor(lot.id(), plate.text()).filter(p -> p.on(day, lot.permitGraceDays()) != Permit.Standing.EXPIRED);
        boolean privateSpace = household.map(unit -> lots.hasPrivateSpace(lot.id(), unit)).orElse(false);
        String audience = permit.isPresent() || privateSpace ? Session.PERMIT
                : household.isPresent() ? Audience.RESIDENT_EXTRA_CAR.name() : Audience.VISITOR.name();
        if (!Session.PERMIT.equals(audience) && sessions.insideCount(lot.id()) >= lot.capacity()) {
            return new GateAnswer(eventId, false, "车位已满 " + plate.display(), null, null, null, false);
        }
        Session session = new Session(dev.commonhold.platform.ids.Ids.newId(), community.id(), lot.id(), plate.text(), household.orElse(null),
                permit.map(Permit::id).orElse(null), audience, capturedAt, gate.serial(), null, null, Session.Status.INSIDE, null, null, null, null,
                null, null);
        sessions.insert(session);
        return new GateAnswer(eventId, true, greeting(plate, permit, day, lot, privateSpace), null, session.id(), null, false);
    }

    private static String greeting(Plate plate, Optional<Permit> permit, LocalDate day, Lot lot, boolean privateSpace) {
        if (permit.isPresent() && permit.get().on(day, lot.permitGraceDays()) == Permit.Standing.IN_GRACE) {
            return "月卡已过期 请尽快续费 " + plate.display();
        }
        return (permit.isPresent() || privateSpace ? "欢迎回家 " : "欢迎光临 ") + plate.display();
    }
}
