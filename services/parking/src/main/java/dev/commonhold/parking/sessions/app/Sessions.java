package dev.commonhold.parking.sessions.app;

import dev.commonhold.parking.gate.app.GateAnswer;
import dev.commonhold.parking.gate.app.GateEventStore;
import dev.commonhold.parking.gate.domain.Plate;
import dev.commonhold.parking.gate.domain.PlateMatch;
import dev.commonhold.parking.lots.app.LotStore;
import dev.commonhold.parking.lots.app.Lots;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.register.ParkingAccess;
import dev.commonhold.parking.sessions.domain.Session;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the gate staff and the community see of stays: sessions, exits waiting for a person (K4),
 * a car let out unpaid, occupancy now and revenue by day — with how much of it is owners' income (K1).
 */
@Service
public class Sessions {

    /** The lot now: cars inside (by audience) against its capacity. */
    public record Occupancy(Lot lot, int inside, Map<String, Integer> byAudience) {
    }

    /** One day of a lot: per revenue class, charged at exits and settled by billing; {@code ownersFen} is the parking_common part. */
    public record Revenue(Lot lot, LocalDate day, List<SessionStore.DayRevenue> classes, long chargedFen, long settledFen, long ownersSettledFen) {
    }

    private final SessionStore sessions;
    private final GateEventStore gateEvents;
    private final LotStore lotStore;
    private final Lots lots;
    private final Exits exits;
    private final ParkingAccess access;
    private final Clock clock;

    Sessions(SessionStore sessions, GateEventStore gateEvents, LotStore lotStore, Lots lots, Exits exits, ParkingAccess access, Clock clock) {
        this.sessions = sessions;
        this.gateEvents = gateEvents;
        this.lotStore = lotStore;
        this.lots = lots;
        this.exits = exits;
        this.access = access;
        this.clock = clock;
    }

    public List<Session> list(Viewer viewer, UUID communityId, UUID lotId, Session.Status status, String plateText, int limit) {
        access.staffOf(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        String plate = plateText == null ? null : Plate.read(plateText).map(Plate::text)
                .orElseThrow(() -> ProblemException.invalid("plate", "not a plate (K5), e.g. 京A12345"));
        return sessions.list(lot.id(), status, plate, limit);
    }

    public Session get(Viewer viewer, UUID communityId, UUID sessionId) {
        access.staffOf(viewer, communityId);
        return sessions.find(communityId, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }

    /** Exit reads of the last 24 hours waiting for the staff, each with the cars inside it could be. */
    public List<GateEventStore.PendingExit> pendingExits(Viewer viewer, UUID communityId, UUID lotId) {
        access.staffOf(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        List<String> inside = sessions.insidePlates(lot.id(), clock.instant());
        return gateEvents.pendingExits(lot.id(), clock.instant().minus(Duration.ofHours(24))).stream()
                .map(p -> new GateEventStore.PendingExit(p.eventId(), p.serial(), p.plateRead(), p.plate(), p.capturedAt(),
                        List.copyOf(PlateMatch.candidates(p.plate(), inside).keySet()))).toList();
    }

    /** K4's first step, by hand: the staff say which car inside a waiting exit read was; it is priced as usual. */
    @Transactional
    public GateAnswer resolveExit(Viewer viewer, UUID communityId, UUID lotId, UUID eventId, UUID sessionId) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        GateEventStore.PendingExit exit = gateEvents.pendingExit(lot.id(), eventId)
                .orElseThrow(() -> ProblemException.notFound("Pending exit", eventId));
        Session inside = sessions.find(communityId, sessionId).filter(s -> s.lotId().equals(lot.id()))
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (inside.status() != Session.Status.INSIDE || inside.enteredAt().isAfter(exit.capturedAt())) {
            throw new ParkingRuleViolation("K4", "sessionId", "that car is not inside, or entered after this exit read");
        }
        Gate gate = lotStore.gate(exit.serial()).orElseThrow();
        GateAnswer answer = exits.close(eventId, community, lot, gate, inside, exit.plate(), exit.capturedAt(), "STAFF");
        gateEvents.resolved(eventId, inside.id());
        if (answer.open()) {
            gateEvents.queueOpen(gate.serial(), inside.id(), clock.instant());
        }
        return answer;
    }

    /** The staff open the barrier for a car that does not pay now: the charge stays open, the household's arrears when known. */
    @Transactional
    public Session releaseUnpaid(Viewer viewer, UUID communityId, UUID sessionId, String reason) {
        access.staffOf(viewer, communityId);
        Session session = sessions.find(communityId, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (!sessions.transition(session.id(), List.of(Session.Status.AWAITING_PAYMENT), Session.Status.RELEASED_UNPAID,
                "released unpaid by " + viewer.username() + ": " + reason)) {
            throw ProblemException.conflict("session " + sessionId + " is " + session.status() + ", not waiting for payment");
        }
        gateEvents.queueOpen(session.exitGate(), session.id(), clock.instant());
        return sessions.find(communityId, sessionId).orElseThrow();
    }

    public Occupancy occupancy(Viewer viewer, UUID communityId, UUID lotId) {
        access.readable(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        return new Occupancy(lot, sessions.insideCount(lot.id()), sessions.insideByAudience(lot.id()));
    }

    public Revenue revenue(Viewer viewer, UUID communityId, UUID lotId, LocalDate day) {
        CommunityCopy community = access.readable(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        List<SessionStore.DayRevenue> classes = sessions.revenue(lot.id(), day, community.zone());
        long owners = classes.stream().filter(c -> "parking_common".equals(c.revenueClass())).mapToLong(SessionStore.DayRevenue::settledFen).sum();
        return new Revenue(lot, day, classes, classes.stream().mapToLong(SessionStore.DayRevenue::chargedFen).sum(),
                classes.stream().mapToLong(SessionStore.DayRevenue::settledFen).sum(), owners);
    }

    /** For the Vzenith poll: an open command waiting for this camera, if any. */
    @Transactional
    public boolean takeOpen(Viewer viewer, UUID communityId, String serial) {
        access.cameraOf(viewer, communityId);
        Gate gate = lotStore.gate(serial).orElseThrow(() -> ProblemException.notFound("Gate", serial));
        lots.lot(communityId, gate.lotId());
        return gateEvents.takeOpen(serial, clock.instant()).isPresent();
    }
}
