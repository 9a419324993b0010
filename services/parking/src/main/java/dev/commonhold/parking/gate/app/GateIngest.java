package dev.commonhold.parking.gate.app;

import dev.commonhold.parking.gate.domain.Plate;
import dev.commonhold.parking.gate.domain.PlateMatch;
import dev.commonhold.parking.lots.app.LotStore;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.register.ParkingAccess;
import dev.commonhold.parking.sessions.app.Exits;
import dev.commonhold.parking.sessions.app.SessionStore;
import dev.commonhold.parking.sessions.domain.Session;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The busiest path: a camera reports an entry or an exit and waits for the barrier decision. One
 * short local transaction — nothing remote is called, so a gate keeps working while Kafka or
 * billing is down (charges and events wait in the outbox). A resend (same camera, same event id)
 * is answered as the first time; events recorded offline and pushed late are placed by their
 * capture time.
 */
@Service
public class GateIngest {

    /**
     * A car seen again at the exit this soon after being priced is the same departure (it paid at the
     * barrier, or it waits to); later, it is a new departure whose entry was missed (K4).
     */
    private static final Duration SAME_DEPARTURE = Duration.ofMinutes(30);
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    /** An offline camera pushes its backlog when the network is back: days, never months. */
    private static final Duration OLDEST_BACKLOG = Duration.ofDays(30);

    private final GateEventStore events;
    private final LotStore lots;
    private final SessionStore sessions;
    private final Entries entries;
    private final Exits exits;
    private final ParkingAccess access;
    private final Clock clock;

    GateIngest(GateEventStore events, LotStore lots, SessionStore sessions, Entries entries, Exits exits, ParkingAccess access, Clock clock) {
        this.events = events;
        this.lots = lots;
        this.sessions = sessions;
        this.entries = entries;
        this.exits = exits;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public GateAnswer record(Viewer viewer, UUID communityId, GateRead read) {
        CommunityCopy community = access.cameraOf(viewer, communityId);
        Gate gate = lots.gate(read.serial()).orElseThrow(() -> ProblemException.notFound("Gate", read.serial()));
        Lot lot = lots.find(communityId, gate.lotId()).orElseThrow(() -> ProblemException.notFound("Gate", read.serial()));
        if (read.capturedAt().isAfter(clock.instant().plus(FUTURE_SKEW))) {
            throw ProblemException.invalid("capturedAt", "is in the future: set the camera's clock (NTP)");
        }
        if (read.capturedAt().isBefore(clock.instant().minus(OLDEST_BACKLOG))) {
            throw ProblemException.invalid("capturedAt", "is more than 30 days ago: set the camera's clock (NTP); a stay that old is not priced from a camera");
        }
        events.lock(read.serial(), read.cameraEventId());
        Optional<GateEventStore.Answered> earlier = events.answered(read.serial(), read.cameraEventId());
        if (earlier.isPresent()) {
            if (!earlier.get().sameRead(read)) {
                throw ProblemException.conflict("camera event " + read.cameraEventId() + " of " + read.serial()
                        + " was recorded with another plate or time: a camera's event id names one recognition");
            }
            GateAnswer a = earlier.get().answer();
            return new GateAnswer(a.eventId(), a.open(), a.display(), a.feeFen(), a.sessionId(), a.payUrl(), true);
        }
        UUID eventId = Ids.newId();
        Optional<Plate> plate = Plate.read(read.plateRead());
        GateAnswer answer;
        boolean pending = false;
        if (plate.isEmpty()) {
            answer = new GateAnswer(eventId, false, "未识别车牌 请联系值班人员", null, null, null, false);
        } else if (gate.direction() == Gate.Direction.ENTRY) {
            answer = entries.enter(eventId, community, lot, gate, plate.get(), read.capturedAt());
        } else {
            Exits.Outcome outcome = exit(eventId, community, lot, gate, plate.get(), read);
            answer = outcome.answer();
            pending = outcome.pending();
        }
        events.insert(eventId, read, plate.map(Plate::text).orElse(null), clock.instant(), answer, pending);
        return answer;
    }

    /** K4: the plate's own entry → a single fuzzy match → several candidates wait for the staff → none: the minimum fee. */
    private Exits.Outcome exit(UUID eventId, CommunityCopy community, Lot lot, Gate gate, Plate plate, GateRead read) {
        Optional<Session> inside = sessions.lockInside(lot.id(), plate.text());
        if (inside.isPresent() && !inside.get().enteredAt().isAfter(read.capturedAt())) {
            return Exits.Outcome.of(exits.close(eventId, community, lot, gate, inside.get(), plate.text(), read.capturedAt(), "EXACT"));
        }
        Optional<Session> departing = sessions.lockRecentlyExited(lot.id(), plate.text(), read.capturedAt().minus(SAME_DEPARTURE));
        if (departing.isPresent()) {
            return Exits.Outcome.of(exits.again(eventId, departing.get()));
        }
        Optional<Session> missed = sessions.lockMissedBefore(lot.id(), plate.text(), read.capturedAt());
        if (missed.isPresent()) { // the exit an offline camera pushed late, after the car came in again: it ends the stay it belongs to
            return Exits.Outcome.of(exits.close(eventId, community, lot, gate, missed.get(), plate.text(), read.capturedAt(), "EXACT"));
        }
        Map<String, PlateMatch.Kind> candidates = PlateMatch.candidates(plate.text(), sessions.insidePlates(lot.id(), read.capturedAt()));
        candidates.remove(plate.text()); // inside again since: not this departure
        if (candidates.size() == 1) {
            Map.Entry<String, PlateMatch.Kind> match = candidates.entrySet().iterator().next();
            Session session = sessions.lockInside(lot.id(), match.getKey()).orElseThrow();
            return Exits.Outcome.of(exits.close(eventId, community, lot, gate, session, plate.text(), read.capturedAt(), match.getValue().name()));
        }
        if (candidates.size() > 1) {
            return new Exits.Outcome(new GateAnswer(eventId, false, "请稍候 工作人员核实入场记录", null, null, null, false), true);
        }
        return Exits.Outcome.of(exits.withoutEntry(eventId, community, lot, gate, plate, read.capturedAt()));
    }
}
