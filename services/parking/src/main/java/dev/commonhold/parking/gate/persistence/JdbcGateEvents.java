package dev.commonhold.parking.gate.persistence;

import dev.commonhold.parking.gate.app.GateAnswer;
import dev.commonhold.parking.gate.app.GateEventStore;
import dev.commonhold.parking.gate.app.GateRead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcGateEvents implements GateEventStore {

    private static final String PENDING_COLUMNS = "e.id, e.gate_serial, e.plate_read, e.plate, e.captured_at";
    private static final RowMapper<PendingExit> PENDING = (rs, i) -> new PendingExit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant(), List.of());

    private final JdbcTemplate jdbc;

    JdbcGateEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String serial, String cameraEventId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))", serial, cameraEventId);
    }

    @Override
    public Optional<Answered> answered(String serial, String cameraEventId) {
        return jdbc.query("SELECT id, open_gate, display, fee_fen, session_id, plate_read, captured_at FROM gate_event "
                + "WHERE gate_serial = ? AND camera_event_id = ?", (rs, i) -> new Answered(new GateAnswer(rs.getObject(1, UUID.class), rs.getBoolean(2),
                rs.getString(3), (Long) rs.getObject(4), rs.getObject(5, UUID.class), null, false), rs.getString(6), rs.getTimestamp(7).toInstant()),
                serial, cameraEventId).stream().findFirst();
    }

    @Override
    public void insert(UUID id, GateRead r, String plate, Instant receivedAt, GateAnswer a, boolean pendingLookup) {
        jdbc.update("INSERT INTO gate_event (id, gate_serial, camera_event_id, plate_read, plate, captured_at, received_at, confidence, image_sha256, "
                + "recorded_offline, session_id, open_gate, display, fee_fen, pending_lookup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, r.serial(), r.cameraEventId(), r.plateRead(), plate, Timestamp.from(r.capturedAt()), Timestamp.from(receivedAt), r.confidence(),
                r.imageSha256(), r.recordedOffline(), a.sessionId(), a.open(), a.display(), a.feeFen(), pendingLookup);
    }

    @Override
    public List<PendingExit> pendingExits(UUID lotId, Instant since) {
        return jdbc.query("SELECT " + PENDING_COLUMNS + " FROM gate_event e JOIN gate g ON g.serial = e.gate_serial "
                + "WHERE g.lot_id = ? AND e.pending_lookup AND e.captured_at >= ? ORDER BY e.captured_at DESC LIMIT 200", PENDING, lotId,
                Timestamp.from(since));
    }

    @Override
    public Optional<PendingExit> pendingExit(UUID lotId, UUID eventId) {
        return jdbc.query("SELECT " + PENDING_COLUMNS + " FROM gate_event e JOIN gate g ON g.serial = e.gate_serial "
                + "WHERE g.lot_id = ? AND e.id = ? AND e.pending_lookup FOR UPDATE OF e", PENDING, lotId, eventId).stream().findFirst();
    }

    @Override
    public void resolved(UUID eventId, UUID sessionId) {
        jdbc.update("UPDATE gate_event SET pending_lookup = false, session_id = ? WHERE id = ?", sessionId, eventId);
    }

    @Override
    public void queueOpen(String serial, UUID sessionId, Instant at) {
        jdbc.update("INSERT INTO gate_command (id, gate_serial, session_id, created_at) VALUES (gen_random_uuid(), ?, ?, ?)", serial, sessionId,
                Timestamp.from(at));
    }

    @Override
    public Optional<UUID> takeOpen(String serial, Instant at) {
        return jdbc.queryForList("""
                UPDATE gate_command SET delivered_at = ? WHERE id = (
                    SELECT id FROM gate_command WHERE gate_serial = ? AND delivered_at IS NULL ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING session_id""", UUID.class, Timestamp.from(at), serial).stream().findFirst();
    }
}
