package dev.commonhold.parking.tariffs.persistence;

import dev.commonhold.parking.tariffs.app.TariffStore;
import dev.commonhold.parking.tariffs.domain.Audience;
import dev.commonhold.parking.tariffs.domain.TariffPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcTariffs implements TariffStore {

    private static final String COLUMNS = "id, lot_id, audience, effective_from, free_minutes, unit_minutes, first_hour_fen, next_hour_fen, "
            + "night_start, night_end, night_hour_fen, daily_cap_fen";
    private static final RowMapper<TariffPlan> PLAN = (rs, i) -> new TariffPlan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Audience.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
            rs.getObject(9, LocalTime.class), rs.getObject(10, LocalTime.class), (Long) rs.getObject(11), (Long) rs.getObject(12));

    private final JdbcTemplate jdbc;

    JdbcTariffs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(TariffPlan p, String by) {
        return jdbc.update("INSERT INTO tariff_plan (" + COLUMNS + ", created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                p.id(), p.lotId(), p.audience().name(), Timestamp.from(p.effectiveFrom()), p.freeMinutes(), p.unitMinutes(), p.firstHourFen(),
                p.nextHourFen(), p.nightStart() == null ? null : Time.valueOf(p.nightStart()), p.nightEnd() == null ? null : Time.valueOf(p.nightEnd()),
                p.nightHourFen(), p.dailyCapFen(), by) == 1;
    }

    @Override
    public List<TariffPlan> plans(UUID lotId, Audience audience) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tariff_plan WHERE lot_id = ? AND audience = ? ORDER BY effective_from", PLAN, lotId,
                audience.name());
    }

    @Override
    public List<TariffPlan> plans(UUID lotId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tariff_plan WHERE lot_id = ? ORDER BY audience, effective_from", PLAN, lotId);
    }

    @Override
    public boolean pricedSince(UUID lotId, java.time.Instant from) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM session WHERE lot_id = ? AND exited_at >= ?)", Boolean.class,
                lotId, Timestamp.from(from)));
    }
}
