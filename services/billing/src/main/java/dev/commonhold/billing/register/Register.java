package dev.commonhold.billing.register;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Billing's copy of the register: replaced whole by each state record (never merged). */
@Repository
public class Register {

    private static final String UNIT_COLUMNS = "id, community_id, building_name, number, area_centi, use, owner_id, owner_name, owner_user_ids, resident_user_ids";
    private static final RowMapper<UnitCopy> UNIT = (rs, i) -> new UnitCopy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
            strings(rs.getArray(9)), strings(rs.getArray(10)));
    private static final RowMapper<CommunityCopy> COMMUNITY = (rs, i) -> new CommunityCopy(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), ZoneId.of(rs.getString(4)), rs.getObject(5, UUID.class));

    private final JdbcTemplate jdbc;

    Register(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void putCommunity(UUID id, String name, String divisionCode, String zone, UUID company) {
        jdbc.update("""
                INSERT INTO community (id, name, division_code, time_zone, operator_company_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, division_code = excluded.division_code,
                    time_zone = excluded.time_zone, operator_company_id = excluded.operator_company_id""",
                id, name, divisionCode, zone, company);
    }

    void putUnit(UnitCopy unit, Integer floor) {
        jdbc.update("""
                INSERT INTO unit (id, community_id, building_name, number, floor, area_centi, use, owner_id, owner_name, owner_user_ids, resident_user_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, building_name = excluded.building_name,
                    number = excluded.number, floor = excluded.floor, area_centi = excluded.area_centi, use = excluded.use,
                    owner_id = excluded.owner_id, owner_name = excluded.owner_name, owner_user_ids = excluded.owner_user_ids,
                    resident_user_ids = excluded.resident_user_ids""",
                unit.id(), unit.communityId(), unit.buildingName(), unit.number(), floor, unit.areaCentiM2(), unit.use(), unit.ownerId(),
                unit.ownerName(), unit.ownerUserIds().toArray(String[]::new), unit.residentUserIds().toArray(String[]::new));
    }

    public Optional<CommunityCopy> community(UUID id) {
        return jdbc.query("SELECT id, name, division_code, time_zone, operator_company_id FROM community WHERE id = ?", COMMUNITY, id)
                .stream().findFirst();
    }

    public List<UUID> communitiesOf(UUID company) {
        return jdbc.queryForList("SELECT id FROM community WHERE operator_company_id = ? ORDER BY id", UUID.class, company);
    }

    public Optional<UnitCopy> unit(UUID communityId, UUID unitId) {
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE id = ? AND community_id = ?", UNIT, unitId, communityId)
                .stream().findFirst();
    }

    /** The units a login owns or lives in, in one community. */
    public List<UnitCopy> householdOf(UUID communityId, String subject) {
        String[] me = {subject};
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE community_id = ? AND (owner_user_ids @> ?::text[] OR resident_user_ids @> ?::text[]) ORDER BY building_name, number",
                UNIT, communityId, me, me);
    }

    /** A page of a community's units, by id, for billing runs. */
    public List<UnitCopy> units(UUID communityId, UUID after, int limit) {
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE community_id = ? AND id > ? ORDER BY id LIMIT ?",
                UNIT, communityId, after, limit);
    }

    public int unitCount(List<UUID> communities) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM unit WHERE community_id = ANY(?)", Integer.class,
                (Object) communities.toArray(UUID[]::new));
        return count == null ? 0 : count;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
