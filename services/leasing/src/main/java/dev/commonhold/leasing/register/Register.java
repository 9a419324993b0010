package dev.commonhold.leasing.register;

import dev.commonhold.leasing.leases.domain.LeasingVote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Leasing's copy of the register (communities) and of the owners' decided resolutions. */
@Repository
public class Register {

    private static final RowMapper<CommunityCopy> COMMUNITY = (rs, i) -> new CommunityCopy(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), ZoneId.of(rs.getString(4)), rs.getObject(5, UUID.class));
    private static final String COMMUNITY_COLUMNS = "SELECT id, name, division_code, time_zone, operator_company_id FROM community ";

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

    /** @return true when this decision was new (a redelivered one changes nothing) */
    boolean putResolution(LeasingVote.Resolution r, Instant decidedAt) {
        return jdbc.update("INSERT INTO resolution (id, community_id, title, matter, threshold, outcome, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", r.id(), r.communityId(), r.title(), r.matter(), r.threshold(), r.outcome(), Timestamp.from(decidedAt)) == 1;
    }

    public Optional<CommunityCopy> community(UUID id) {
        return jdbc.query(COMMUNITY_COLUMNS + "WHERE id = ?", COMMUNITY, id).stream().findFirst();
    }

    public List<CommunityCopy> communitiesOf(UUID operatorCompanyId) {
        return jdbc.query(COMMUNITY_COLUMNS + "WHERE operator_company_id = ? ORDER BY name", COMMUNITY, operatorCompanyId);
    }

    public List<CommunityCopy> all() {
        return jdbc.query(COMMUNITY_COLUMNS + "ORDER BY name", COMMUNITY);
    }

    public Optional<LeasingVote.Resolution> resolution(UUID communityId, UUID id) {
        return jdbc.query("SELECT id, community_id, title, matter, threshold, outcome FROM resolution WHERE id = ? AND community_id = ?",
                (rs, i) -> new LeasingVote.Resolution(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), id, communityId).stream().findFirst();
    }
}
