package dev.commonhold.franchise.oversight.persistence;

import dev.commonhold.franchise.oversight.app.ShareStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
class JdbcShares implements ShareStore {

    private final JdbcTemplate jdbc;

    JdbcShares(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ShareCharge c) {
        jdbc.update("INSERT INTO share_charge (charge_id, agreement_id, year, community_id, amount_fen, raised_at, raised_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                c.chargeId(), c.agreementId(), c.year(), c.communityId(), c.amountFen(), Timestamp.from(c.raisedAt()), c.raisedBy());
    }

    @Override
    public Map<UUID, UUID> agreementsOf(Collection<UUID> chargeIds) {
        Map<UUID, UUID> agreements = new HashMap<>();
        jdbc.query("SELECT charge_id, agreement_id FROM share_charge WHERE charge_id = ANY (?)", (ResultSet rs) -> {
            agreements.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        }, (Object) chargeIds.toArray(UUID[]::new));
        return agreements;
    }

    @Override
    public boolean paid(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        return jdbc.update("INSERT INTO share_payment (settlement_id, charge_id, amount_fen, settled_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                settlementId, chargeId, amountFen, Timestamp.from(settledAt)) == 1;
    }

    @Override
    public void reversed(UUID settlementId, Instant at) {
        jdbc.update("UPDATE share_payment SET reversed_at = ? WHERE settlement_id = ? AND reversed_at IS NULL", Timestamp.from(at), settlementId);
    }

    @Override
    public List<ShareCharge> charges(UUID agreementId, int year) {
        return jdbc.query("""
                SELECT c.charge_id, c.agreement_id, c.year, c.community_id, c.amount_fen,
                       coalesce((SELECT sum(p.amount_fen) FROM share_payment p WHERE p.charge_id = c.charge_id AND p.reversed_at IS NULL), 0),
                       c.raised_at, c.raised_by
                FROM share_charge c WHERE c.agreement_id = ? AND c.year = ? ORDER BY c.raised_at, c.charge_id""", (rs, i) -> new ShareCharge(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getObject(4, UUID.class), rs.getLong(5), rs.getLong(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8)), agreementId, year);
    }

    @Override
    public void lock(UUID agreementId, int year) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 16))", Object.class, agreementId + "|" + year);
    }
}
