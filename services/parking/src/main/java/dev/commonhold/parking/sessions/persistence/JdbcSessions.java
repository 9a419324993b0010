package dev.commonhold.parking.sessions.persistence;

import dev.commonhold.parking.sessions.app.SessionStore;
import dev.commonhold.parking.sessions.domain.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcSessions implements SessionStore {

    private static final String COLUMNS = "id, community_id, lot_id, plate, unit_id, permit_id, audience, entered_at, entry_gate, exited_at, exit_gate, "
            + "status, price_fen, revenue_class, charge_id, exit_plate_read, matched_by, note";
    private static final RowMapper<Session> SESSION = (rs, i) -> new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
            instant(rs.getTimestamp(8)), rs.getString(9), instant(rs.getTimestamp(10)), rs.getString(11), Session.Status.valueOf(rs.getString(12)),
            (Long) rs.getObject(13), rs.getString(14), rs.getObject(15, UUID.class), rs.getString(16), rs.getString(17), rs.getString(18));

    private final JdbcTemplate jdbc;

    JdbcSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Session s) {
        jdbc.update("INSERT INTO session (id, community_id, lot_id, plate, unit_id, permit_id, audience, entered_at, entry_gate, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.communityId(), s.lotId(), s.plate(), s.unitId(), s.permitId(), s.audience(),
                timestamp(s.enteredAt()), s.entryGate(), s.status().name());
    }

    @Override
    public Optional<Session> find(UUID communityId, UUID sessionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM session WHERE id = ? AND community_id = ?", SESSION, sessionId, communityId).stream().findFirst();
    }

    @Override
    public Optional<Session> lockInside(UUID lotId, String plate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM session WHERE lot_id = ? AND plate = ? AND status = 'INSIDE' ORDER BY entered_at DESC LIMIT 1 "
                + "FOR UPDATE", SESSION, lotId, plate).stream().findFirst();
    }

    @Override
    public List<String> insidePlates(UUID lotId, Instant enteredBy) {
        return jdbc.queryForList("SELECT plate FROM session WHERE lot_id = ? AND status = 'INSIDE' AND entered_at <= ?", String.class, lotId,
                Timestamp.from(enteredBy));
    }

    @Override
    public Optional<Session> lockMissedBefore(UUID lotId, String plate, Instant capturedAt) {
        // Only when it is the plate's last stay begun before the read: an older one was followed by other stays, not by this exit.
        return jdbc.query("SELECT " + COLUMNS + " FROM session WHERE status = 'EXIT_MISSED' AND id = (SELECT id FROM session WHERE lot_id = ? "
                + "AND plate = ? AND entered_at <= ? ORDER BY entered_at DESC LIMIT 1) FOR UPDATE", SESSION, lotId, plate, Timestamp.from(capturedAt))
                .stream().findFirst();
    }

    @Override
    public Optional<Session> lockRecentlyExited(UUID lotId, String plate, Instant since) {
        return jdbc.query("SELECT " + COLUMNS + " FROM session WHERE lot_id = ? AND plate = ? AND exited_at >= ? "
                + "AND status IN ('AWAITING_PAYMENT', 'PAID', 'PASSED') ORDER BY exited_at DESC LIMIT 1 FOR UPDATE", SESSION, lotId, plate,
                Timestamp.from(since)).stream().findFirst();
    }

    @Override
    public int insideCount(UUID lotId) {
        return jdbc.queryForObject("SELECT count(*) FROM session WHERE lot_id = ? AND status = 'INSIDE'", Integer.class, lotId);
    }

    @Override
    public Map<String, Integer> insideByAudience(UUID lotId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT audience, count(*) FROM session WHERE lot_id = ? AND status = 'INSIDE' GROUP BY audience ORDER BY audience",
                rs -> { counts.put(rs.getString(1), rs.getInt(2)); }, lotId);
        return counts;
    }

    @Override
    public void exitMissed(UUID sessionId, String note) {
        jdbc.update("UPDATE session SET status = 'EXIT_MISSED', note = ? WHERE id = ?", note, sessionId);
    }

    @Override
    public void closed(Session s) {
        jdbc.update("UPDATE session SET audience = ?, exited_at = ?, exit_gate = ?, status = ?, price_fen = ?, revenue_class = ?, charge_id = ?, "
                + "exit_plate_read = ?, matched_by = ?, note = ? WHERE id = ?", s.audience(), timestamp(s.exitedAt()), s.exitGate(), s.status().name(),
                s.priceFen(), s.revenueClass(), s.chargeId(), s.exitPlateRead(), s.matchedBy(), s.note(), s.id());
    }

    @Override
    public boolean transition(UUID sessionId, List<Session.Status> from, Session.Status to, String note) {
        return jdbc.update("UPDATE session SET status = ?, note = coalesce(?, note) WHERE id = ? AND status = ANY(?)", to.name(), note, sessionId,
                from.stream().map(Enum::name).toArray(String[]::new)) == 1;
    }

    @Override
    public Optional<String> exitGate(UUID sessionId) {
        return jdbc.queryForList("SELECT exit_gate FROM session WHERE id = ? AND exit_gate IS NOT NULL", String.class, sessionId).stream().findFirst();
    }

    @Override
    public List<Session> list(UUID lotId, Session.Status status, String plate, int limit) {
        List<Object> args = new ArrayList<>(List.of(lotId));
        String sql = "SELECT " + COLUMNS + " FROM session WHERE lot_id = ?";
        if (status != null) {
            sql += " AND status = ?";
            args.add(status.name());
        }
        if (plate != null) {
            sql += " AND plate = ?";
            args.add(plate);
        }
        args.add(limit);
        return jdbc.query(sql + " ORDER BY coalesce(exited_at, entered_at) DESC, id DESC LIMIT ?", SESSION, args.toArray());
    }

    @Override
    public List<DayRevenue> revenue(UUID lotId, LocalDate day, ZoneId zone) {
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbc.query("""
                WITH charged AS (SELECT revenue_class, sum(price_fen) AS fen, count(*) AS sessions FROM session
                                 WHERE lot_id = ? AND exited_at >= ? AND exited_at < ? AND price_fen > 0 GROUP BY revenue_class),
                     settled AS (SELECT revenue_class, sum(fen) AS fen FROM (
                                     SELECT revenue_class, amount_fen AS fen FROM parking_settlement
                                     WHERE lot_id = ? AND settled_at >= ? AND settled_at < ?
                                     UNION ALL
                                     SELECT s.revenue_class, -r.amount_fen FROM parking_settlement_reversal r
                                     JOIN parking_settlement s ON s.settlement_id = r.settlement_id
                                     WHERE s.lot_id = ? AND r.reversed_at >= ? AND r.reversed_at < ?) moves GROUP BY revenue_class)
                SELECT coalesce(c.revenue_class, s.revenue_class), coalesce(c.fen, 0), coalesce(s.fen, 0), coalesce(c.sessions, 0)
                FROM charged c FULL JOIN settled s ON s.revenue_class = c.revenue_class ORDER BY 1""",
                (rs, i) -> new DayRevenue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)), lotId, from, to, lotId, from, to, lotId, from, to);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
