package dev.commonhold.parking.gate.app;

import dev.commonhold.parking.gate.domain.Plate;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
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
    private final PlateStandings standings;

    Entries(SessionStore sessions, PlateStandings standings) {
        this.sessions = sessions;
        this.standings = standings;
    }

    GateAnswer enter(UUID eventId, CommunityCopy community, Lot lot, Gate gate, Plate plate, Instant capturedAt) {
        Optional<Session> inside = sessions.lockInside(lot.id(), plate.text());
        if (inside.isPresent() && !inside.get().enteredAt().isBefore(capturedAt)) {
            return new GateAnswer(eventId, true, "欢迎光临 " + plate.display(), null, inside.get().id(), null, false); // an older read, late
        }
        PlateStandings.Standing standing = standings.of(community.id(), lot.id(), plate.text(), capturedAt);
        if (standing.exitedWithoutEntryAfter()) {
            return new GateAnswer(eventId, true, "欢迎光临 " + plate.display(), null, null, null, false); // its exit was already charged (K4)
        }
        inside.ifPresent(missed -> sessions.exitMissed(missed.id(), "entered again at " + capturedAt + " with no exit seen since " + missed.enteredAt()));
        LocalDate day = capturedAt.atZone(community.zone()).toLocalDate();
        Optional<Permit> permit = Optional.ofNullable(standing.permit()).filter(p -> p.on(day, lot.permitGraceDays()) != Permit.Standing.EXPIRED);
        String audience = permit.isPresent() || standing.privateSpace() ? Session.PERMIT
                : standing.household() != null ? Audience.RESIDENT_EXTRA_CAR.name() : Audience.VISITOR.name();
        int stillInside = standing.inside() - (inside.isPresent() ? 1 : 0);
        if (!Session.PERMIT.equals(audience) && stillInside >= lot.capacity()) {
            return new GateAnswer(eventId, false, "车位已满 " + plate.display(), null, null, null, false);
        }
        Session session = new Session(dev.commonhold.platform.ids.Ids.newId(), community.id(), lot.id(), plate.text(), standing.household(),
                permit.map(Permit::id).orElse(null), audience, capturedAt, gate.serial(), null, null, Session.Status.INSIDE, null, null, null, null,
                null, null);
        sessions.insert(session);
        return new GateAnswer(eventId, true, greeting(plate, permit, day, lot, standing.privateSpace()), null, session.id(), null, false);
    }

    private static String greeting(Plate plate, Optional<Permit> permit, LocalDate day, Lot lot, boolean privateSpace) {
        if (permit.isPresent() && permit.get().on(day, lot.permitGraceDays()) == Permit.Standing.IN_GRACE) {
            return "月卡已过期 请尽快续费 " + plate.display();
        }
        return (permit.isPresent() || privateSpace ? "欢迎回家 " : "欢迎光临 ") + plate.display();
    }
}
