package dev.commonhold.parking.tariffs.persistence;

import dev.commonhold.parking.tariffs.app.FranchiseCaps;
import dev.commonhold.parking.tariffs.domain.FranchiseCap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.util.List;
import java.util.UUID;

/** Events of one community arrive in order (keyed by community): no two replacements of its caps run at once. */
@Repository
class JdbcFranchiseCaps implements FranchiseCaps {

    private final JdbcTemplate jdbc;

    JdbcFranchiseCaps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replace(UUID communityId, UUID agreementId, int version, List<FranchiseCap> caps) {
        Integer kept = jdbc.queryForObject("SELECT max(version) FROM franchise_cap WHERE community_id = ? AND agreement_id = ?", Integer.class,
                communityId, agreementId);
        if (kept != null && kept > version) {
            return; // a redelivered older version
        }
        jdbc.update("DELETE FROM franchise_cap WHERE community_id = ? AND agreement_id = ?", communityId, agreementId);
        jdbc.batchUpdate("""
                INSERT INTO franchise_cap (community_id, agreement_id, version, revenue_class, unit, cap_fen, valid_from, valid_to, reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", caps.stream().map(c -> new Object[]{communityId, agreementId, version, c.revenueClass(),
                c.unit(), c.capFen(), Date.valueOf(c.validFrom()), c.validTo() == null ? null : Date.valueOf(c.validTo()), c.reference()}).toList());
    }

    @Override
    public List<FranchiseCap> of(UUID communityId, String revenueClass) {
        return jdbc.query("SELECT revenue_class, unit, cap_fen, valid_from, valid_to, reference FROM franchise_cap "
                        + "WHERE community_id = ? AND revenue_class = ? ORDER BY cap_fen", (rs, i) -> new FranchiseCap(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6)),
                communityId, revenueClass);
    }
}
