package dev.commonhold.franchise.register;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Franchise's copy of the register: the communities. */
@Repository
public class Register {

    private static final RowMapper<CommunityCopy> COMMUNITY = (rs, i) -> new CommunityCopy(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), ZoneId.of(rs.getString(4)), rs.getObject(5, UUID.class));
    private static final String COLUMNS = "SELECT id, name, division_code, time_zone, operator_company_id FROM community ";

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

    public Optional<CommunityCopy> community(UUID id) {
        return jdbc.query(COLUMNS + "WHERE id = ?", COMMUNITY, id).stream().findFirst();
    }

    public List<CommunityCopy> communities(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : jdbc.query(COLUMNS + "WHERE id = ANY (?::uuid[]) ORDER BY name", COMMUNITY,
                ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")));
    }
}
