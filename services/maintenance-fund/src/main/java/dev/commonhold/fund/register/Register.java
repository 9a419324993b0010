package dev.commonhold.fund.register;

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

/** The fund's copy of the register: replaced whole by each state record (never merged). */
@Repository
public class Register {

    private static final String UNIT_COLUMNS = "id, community_id, building_id, building_name, number, floor, area_centi, owner_id, owner_name, "
            + "owner_user_ids, resident_user_ids";
    private static final RowMapper<UnitCopy> UNIT = (rs, i) -> new UnitCopy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getLong(7), rs.getObject(8, UUID.class),
            rs.getString(9), strings(rs.getArray(10)), strings(rs.getArray(11)));
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

    void putUnit(UnitCopy unit) {
        jdbc.update("""
                INSERT INTO unit (id, community_id, building_id, building_name, number, floor, area_centi, owner_id, owner_name,
                                  owner_user_ids, resident_user_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, building_id = excluded.building_id,
                    building_name = excluded.building_name, number = excluded.number, floor = excluded.floor, area_centi = excluded.area_centi,
                    owner_id = excluded.owner_id, owner_name = excluded.owner_name, owner_user_ids = excluded.owner_user_ids,
                    resident_user_ids = excluded.resident_user_ids""",
                unit.id(), unit.communityId(), unit.buildingId(), unit.buildingName(), unit.number(), unit.floor(), unit.areaCentiM2(),
                unit.ownerId(), unit.ownerName(), unit.ownerUserIds().toArray(String[]::new), unit.residentUserIds().toArray(String[]::new));
    }

    public Optional<CommunityCopy> community(UUID id) {
        return jdbc.query("SELECT id, name, division_code, time_zone, operator_company_id FROM community WHERE id = ?", COMMUNITY, id)
                .stream().findFirst();
    }

    /** The communities whose division code begins with this prefix (a city, a district), by id. */
    public List<CommunityCopy> inRegion(String divisionPrefix) {
        return jdbc.query("SELECT id, name, division_code, time_zone, operator_company_id FROM community WHERE starts_with(division_code, ?) ORDER BY id",
                COMMUNITY, divisionPrefix);
    }

    public Optional<UnitCopy> unit(UUID communityId, UUID unitId) {
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE id = ? AND community_id = ?", UNIT, unitId, communityId)
                .stream().findFirst();
    }

    /** The units in a community whose owner this login is. */
    public List<UnitCopy> ownedBy(UUID communityId, String subject) {
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE community_id = ? AND owner_user_ids @> ?::text[] ORDER BY building_name, number",
                UNIT, communityId, new String[]{subject});
    }

    /** These units of the community, in the register's order (building, number); ids not of the community are left out. */
    public List<UnitCopy> units(UUID communityId, List<UUID> unitIds) {
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE community_id = ? AND id = ANY(?) ORDER BY building_name, number, id",
                UNIT, communityId, unitIds.toArray(UUID[]::new));
    }

    /** Every unit of these buildings of the community, in the register's order. */
    public List<UnitCopy> unitsOfBuildings(UUID communityId, List<UUID> buildingIds) {
        return jdbc.query("SELECT " + UNIT_COLUMNS + " FROM unit WHERE community_id = ? AND building_id = ANY(?) ORDER BY building_name, number, id",
                UNIT, communityId, buildingIds.toArray(UUID[]::new));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
