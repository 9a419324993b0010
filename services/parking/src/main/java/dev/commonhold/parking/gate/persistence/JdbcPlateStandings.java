package dev.commonhold.parking.gate.persistence;

import dev.commonhold.parking.gate.app.PlateStandings;
import dev.commonhold.parking.permits.domain.Permit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Repository
class JdbcPlateStandings implements PlateStandings {

    private final JdbcTemplate jdbc;

    JdbcPlateStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Standing of(UUID communityId, UUID lotId, String plate, Instant capturedAt) {
        return jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM session s WHERE s.lot_id = ? AND s.plate = ? AND s.entered_at IS NULL AND s.exited_at > ?),
                       v.unit_id,
                       p.id, p.unit_id, p.valid_from, p.valid_to,
                       v.unit_id IS NOT NULL AND EXISTS (SELECT 1 FROM space sp WHERE sp.lot_id = ? AND sp.unit_id = v.unit_id AND sp.kind = 'PRIVATE'),
                       (SELECT count(*) FROM session i WHERE i.lot_id = ? AND i.status = 'INSIDE')
                FROM (SELECT 1) AS one
                LEFT JOIN vehicle v ON v.community_id = ? AND v.plate = ?
                LEFT JOIN LATERAL (SELECT id, unit_id, valid_from, valid_to FROM permit
                                   WHERE lot_id = ? AND plate = ? AND cancelled_at IS NULL ORDER BY valid_to DESC LIMIT 1) p ON true""",
                (rs, i) -> new Standing(rs.getBoolean(1), rs.getObject(2, UUID.class),
                        rs.getObject(3) == null ? null : new Permit(rs.getObject(3, UUID.class), lotId, rs.getObject(4, UUID.class), plate,
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), false),
                        rs.getBoolean(7), rs.getInt(8)),
                lotId, plate, Timestamp.from(capturedAt), lotId, lotId, communityId, plate, lotId, plate);
    }
}
