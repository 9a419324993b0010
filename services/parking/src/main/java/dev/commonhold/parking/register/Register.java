package dev.commonhold.parking.register;

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

/** Parking's copy of the register: replaced whole by each state record (never merged). */
@Repository
public class Register {

    private static final RowMapper<UnitCopy> UNIT = (rs, i) -> new UnitCopy(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5), strings(rs.getArray(6)), strings(rs.getArray(7)));
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
                INSERT INTO unit (id, community_id, building_name, number, owner_name, owner_user_ids, resident_user_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, building_name = excluded.building_name,
                    number = excluded.number, owner_name = excluded.owner_name, owner_user_ids = excluded.owner_user_ids,
                    resident_user_ids = excluded.resident_user_ids""",
                unit.id(), unit.communityId(), unit.buildingName(), unit.number(), unit.ownerName(),
                unit.ownerUserIds().toArray(String[]::new), unit.residentUserIds().toArray(String[]::new));
    }

    public Optional<CommunityCopy> community(UUID id) {
        return jdbc.query("SELECT id, name, division_code, time_zone, operator_company_id FROM community WHERE id = ?", COMMUNITY, id)
                .stream().findFirst();
    }

    public Optional<UnitCopy> unit(UUID communityId, UUID unitId) {
        return jdbc.query("SELECT id, community_id, building_name, number, owner_name, owner_user_ids, resident_user_ids FROM unit "
                + "WHERE id = ? AND community_id = ?", UNIT, unitId, communityId).stream().findFirst();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
