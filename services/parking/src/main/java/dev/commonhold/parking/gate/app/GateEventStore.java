package dev.commonhold.parking.gate.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What each camera sent, once, with the answer it got; and barrier commands waiting for a polling camera. */
public interface GateEventStore {

    /** Serialises the handling of one camera event (resends arrive in parallel). */
    void lock(String serial, String cameraEventId);

    /** The answer given to a camera event before, with what was read then. */
    record Answered(GateAnswer answer, String plateRead, java.time.Instant capturedAt) {
        /** A resend carries the same plate as read and the same capture time (kept to the microsecond). */
        public boolean sameRead(GateRead read) {
            return plateRead.equals(read.plateRead()) && capturedAt.equals(read.capturedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
    }

    Optional<Answered> answered(String serial, String cameraEventId);

    /** @param pendingLookup an exit read that matched several cars inside: listed for the staff */
    void insert(UUID id, GateRead read, String plate, Instant receivedAt, GateAnswer answer, boolean pendingLookup);

    /** Exit reads that found no single entry and wait for the staff (K4's first step), newest first. */
    record PendingExit(UUID eventId, String serial, String plateRead, String plate, Instant capturedAt, List<String> candidates) {
    }

    List<PendingExit> pendingExits(UUID lotId, Instant since);

    Optional<PendingExit> pendingExit(UUID lotId, UUID eventId);

    void resolved(UUID eventId, UUID sessionId);

    void queueOpen(String serial, UUID sessionId, Instant at);

    /** Takes the oldest waiting open command of the camera, if any. */
    Optional<UUID> takeOpen(String serial, Instant at);
}
