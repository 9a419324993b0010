package dev.commonhold.parking.lots.persistence;

import dev.commonhold.parking.lots.app.LotStore;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.Space;
import dev.commonhold.parking.lots.domain.SpaceKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcLots implements LotStore {

    private static final String LOT_COLUMNS = "id, community_id, name, capacity, visitor_space_kind, minimum_fee_fen, max_hour_fen, max_daily_fen, "
            + "permit_quota, permit_monthly_fen, permit_space_kind, permit_grace_days";
    private static final RowMapper<Lot> LOT = (rs, i) -> new Lot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getInt(4), SpaceKind.valueOf(rs.getString(5)), rs.getLong(6), (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getInt(9),
            rs.getLong(10), SpaceKind.valueOf(rs.getString(11)), rs.getInt(12));
    private static final RowMapper<Gate> GATE = (rs, i) -> new Gate(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
            Gate.Direction.valueOf(rs.getString(4)));

    private final JdbcTemplate jdbc;
    /**
     * Gates and lots are never edited or removed, and every camera read looks both up: kept once
     * read (a gate or lot not found is not kept, so one registered a moment later is found).
     */
    private final Map<String, Gate> gates = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<UUID, Lot> lots = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcLots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Lot l) {
        return jdbc.update("INSERT INTO lot (" + LOT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                l.id(), l.communityId(), l.name(), l.capacity(), l.visitorSpaceKind().name(), l.minimumFeeFen(), l.maxHourFen(), l.maxDailyFen(),
                l.permitQuota(), l.permitMonthlyFen(), l.permitSpaceKind().name(), l.permitGraceDays()) == 1;
    }

    @Override
    public Optional<Lot> find(UUID communityId, UUID lotId) {
        Lot known = lots.get(lotId);
        if (known != null) {
            return Optional.of(known).filter(l -> l.communityId().equals(communityId));
        }
        Optional<Lot> lot = jdbc.query("SELECT " + LOT_COLUMNS + " FROM lot WHERE id = ? AND community_id = ?", LOT, lotId, communityId).stream().findFirst();
        lot.ifPresent(l -> lots.put(l.id(), l));
        return lot;
    }

    @Override
    public List<Lot> list(UUID communityId) {
        return jdbc.query("SELECT " + LOT_COLUMNS + " FROM lot WHERE community_id = ? ORDER BY name", LOT, communityId);
    }

    @Override
    public List<String> existingNumbers(UUID lotId, List<String> numbers) {
        return jdbc.queryForList("SELECT number FROM space WHERE lot_id = ? AND number = ANY(?) ORDER BY number", String.class, lotId,
                numbers.toArray(String[]::new));
    }

    @Override
    public void addSpaces(List<Space> spaces) {
        jdbc.batchUpdate("INSERT INTO space (id, lot_id, number, kind, unit_id) VALUES (?, ?, ?, ?, ?)", spaces, 500, (ps, s) -> {
            ps.setObject(1, s.id());
            ps.setObject(2, s.lotId());
            ps.setString(3, s.number());
            ps.setString(4, s.kind().name());
            ps.setObject(5, s.unitId());
        });
    }

    @Override
    public Map<SpaceKind, Integer> spaceCounts(UUID lotId) {
        Map<SpaceKind, Integer> counts = new EnumMap<>(SpaceKind.class);
        for (SpaceKind kind : SpaceKind.values()) {
            counts.put(kind, 0);
        }
        jdbc.query("SELECT kind, count(*) FROM space WHERE lot_id = ? GROUP BY kind",
                rs -> { counts.put(SpaceKind.valueOf(rs.getString(1)), rs.getInt(2)); }, lotId);
        return counts;
    }

    @Override
    public int spaceCount(UUID lotId) {
        return jdbc.queryForObject("SELECT count(*) FROM space WHERE lot_id = ?", Integer.class, lotId);
    }

    @Override
    public boolean hasPrivateSpace(UUID lotId, UUID unitId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM space WHERE lot_id = ? AND unit_id = ? AND kind = 'PRIVATE')",
                Boolean.class, lotId, unitId));
    }

    @Override
    public boolean insertGate(Gate g) {
        return jdbc.update("INSERT INTO gate (serial, lot_id, name, direction) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", g.serial(), g.lotId(),
                g.name(), g.direction().name()) == 1;
    }

    @Override
    public Optional<Gate> gate(String serial) {
        Gate known = gates.get(serial);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Gate> gate = jdbc.query("SELECT serial, lot_id, name, direction FROM gate WHERE serial = ?", GATE, serial).stream().findFirst();
        gate.ifPresent(g -> gates.put(g.serial(), g));
        return gate;
    }

    @Override
    public List<Gate> gates(UUID lotId) {
        return jdbc.query("SELECT serial, lot_id, name, direction FROM gate WHERE lot_id = ? ORDER BY name", GATE, lotId);
    }
}
