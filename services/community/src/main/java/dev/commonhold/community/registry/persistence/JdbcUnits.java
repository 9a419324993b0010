package dev.commonhold.community.registry.persistence;

import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Area;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.community.registry.domain.UnitUse;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcUnits implements Units {

    private static final String COLUMNS = "id, community_id, building_id, number, floor, exclusive_area_centi, use, owner_id";
    private static final RowMapper<Unit> ROW = (rs, i) -> new Unit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), (Integer) rs.getObject(5), new Area(rs.getLong(6)), UnitUse.valueOf(rs.getString(7)),
            rs.getObject(8, UUID.class));

    private final JdbcTemplate jdbc;

    JdbcUnits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<Unit> units) {
        jdbc.batchUpdate("INSERT INTO unit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", units, 1000, (ps, u) -> {
            ps.setObject(1, u.id());
            ps.setObject(2, u.communityId());
            ps.setObject(3, u.buildingId());
            ps.setString(4, u.number());
            ps.setObject(5, u.floor());
            ps.setLong(6, u.exclusiveArea().centiSquareMetres());
            ps.setString(7, u.use().name());
            ps.setObject(8, u.ownerId());
        });
    }

    @Override
    public Optional<Unit> find(UUID communityId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM unit WHERE community_id = ? AND id = ?", ROW, communityId, id)
                .stream().findFirst();
    }

    @Override
    public boolean exists(UUID buildingId, String number) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM unit WHERE building_id = ? AND number = ?)",
                Boolean.class, buildingId, number));
    }

    @Override
    public Map<String, UUID> keys(UUID communityId) {
        Map<String, UUID> keys = new HashMap<>();
        jdbc.query("SELECT b.name, u.number, u.id FROM unit u JOIN building b ON b.id = u.building_id WHERE u.community_id = ?",
                rs -> {
                    keys.put(rs.getString(1) + "/" + rs.getString(2), rs.getObject(3, UUID.class));
                }, communityId);
        return keys;
    }

    @Override
    public void recordTransfer(Unit before, Unit after, LocalDate effectiveOn, String recordedBy) {
        jdbc.update("UPDATE unit SET owner_id = ? WHERE id = ?", after.ownerId(), after.id());
        jdbc.update("INSERT INTO ownership_transfer (id, unit_id, from_owner_id, to_owner_id, effective_on, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                Ids.newId(), after.id(), before.ownerId(), after.ownerId(), effectiveOn, recordedBy);
    }

    @Override
    public List<Unit> list(UUID communityId, UUID buildingId, UUID after, int limit) {
        return jdbc.query("""
                        SELECT %s FROM unit WHERE community_id = ? AND (?::uuid IS NULL OR building_id = ?::uuid)
                        AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?""".formatted(COLUMNS),
                ROW, communityId, buildingId, buildingId, after, after, limit);
    }

    @Override
    public List<Unit> ofOwners(List<UUID> ownerIds) {
        return ownerIds.isEmpty() ? List.of()
                : jdbc.query("SELECT " + COLUMNS + " FROM unit WHERE owner_id = ANY(?) ORDER BY id", ROW, (Object) ownerIds.toArray(UUID[]::new));
    }

    @Override
    public List<Unit> byIds(List<UUID> unitIds) {
        return unitIds.isEmpty() ? List.of()
                : jdbc.query("SELECT " + COLUMNS + " FROM unit WHERE id = ANY(?) ORDER BY id", ROW, (Object) unitIds.toArray(UUID[]::new));
    }
}
