package dev.commonhold.parking.sessions.app;

import dev.commonhold.parking.sessions.domain.Session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions, kept. */
public interface SessionStore {

    void insert(Session session);

    Optional<Session> find(UUID communityId, UUID sessionId);

    /** Locks and returns the plate's session inside the lot, if any. */
    Optional<Session> lockInside(UUID lotId, String plate);

    /** The plates inside the lot that entered at or before this instant (for K4's fuzzy step: a car cannot leave before it came). */
    List<String> insidePlates(UUID lotId, Instant enteredBy);

    /**
     * Locks the plate's last stay begun at or before this instant if it is marked EXIT_MISSED: its exit,
     * recorded by an offline camera, arrives after the car was already seen entering again.
     */
    Optional<Session> lockMissedBefore(UUID lotId, String plate, Instant capturedAt);

    /** The plate's last session closed at this lot's exit since {@code since}, locked: a second read after paying. */
    Optional<Session> lockRecentlyExited(UUID lotId, String plate, Instant since);

    int insideCount(UUID lotId);

    Map<String, Integer> insideByAudience(UUID lotId);

    void exitMissed(UUID sessionId, String note);

    /** Records the exit and its price; status AWAITING_PAYMENT or PASSED. */
    void closed(Session session);

    /** @return true when it moved from one of {@code from} to {@code to} */
    boolean transition(UUID sessionId, List<Session.Status> from, Session.Status to, String note);

    java.util.Optional<String> exitGate(UUID sessionId);

    List<Session> list(UUID lotId, Session.Status status, String plate, int limit);

    /** Per revenue class: what was charged at exits, and what billing settled, on a local day. */
    record DayRevenue(String revenueClass, long chargedFen, long settledFen, int sessions) {
    }

    List<DayRevenue> revenue(UUID lotId, LocalDate day, ZoneId zone);
}
