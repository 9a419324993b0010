package dev.commonhold.trust.register;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** This service's copy of the register: communities and their current committees, replaced whole from community.state. */
@Component
public class Register {

    private final JdbcTemplate jdbc;

    Register(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when the community is new here */
    public boolean putCommunity(UUID id, String name, String divisionCode, String timeZone, UUID operatorCompanyId) {
        return jdbc.queryForObject("""
                INSERT INTO community (id, name, division_code, time_zone, operator_company_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, division_code = excluded.division_code, time_zone = excluded.time_zone,
                    operator_company_id = excluded.operator_company_id
                RETURNING xmax = 0""", Boolean.class, id, name, divisionCode, timeZone, operatorCompanyId);
    }

    /** The community's committee is now exactly these members (an appointment replaces the whole committee). */
    public void replaceCommittee(UUID communityId, UUID committeeId, LocalDate termStart, LocalDate termEnd, List<CommitteeMember> members) {
        jdbc.update("DELETE FROM committee_member WHERE community_id = ?", communityId);
        jdbc.batchUpdate("""
                INSERT INTO committee_member (community_id, member_id, committee_id, name, role, user_id, term_start, term_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", members.stream().map(m -> new Object[]{communityId, m.memberId(), committeeId, m.name(),
                m.role(), m.userId(), Date.valueOf(termStart), Date.valueOf(termEnd)}).toList());
    }

    public Optional<CommunityCopy> community(UUID id) {
        return jdbc.query("SELECT id, name, division_code, time_zone, operator_company_id, fee_model FROM community WHERE id = ?",
                (rs, i) -> new CommunityCopy(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)),
                        rs.getObject(5, UUID.class), "TRUST".equals(rs.getString(6))), id).stream().findFirst();
    }

    public List<CommitteeMember> committee(UUID communityId) {
        return jdbc.query("SELECT member_id, name, role, user_id, term_start, term_end FROM committee_member WHERE community_id = ? ORDER BY role, name",
                (rs, i) -> new CommitteeMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)), communityId);
    }
}
