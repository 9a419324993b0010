package dev.commonhold.commerce.settlements.persistence;

import dev.commonhold.commerce.settlements.app.SettlementStore;
import dev.commonhold.commerce.settlements.domain.Statement;
import dev.commonhold.platform.ids.PersonNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcSettlements implements SettlementStore {

    private static final String SETTLEMENT = "SELECT s.id, s.number, s.community_id, s.merchant_id, m.name, s.through_date, s.orders, s.refunds, "
            + "s.gross_fen, s.subsidy_fen, s.refunds_fen, s.commission_fen, s.payout_fen - s.carried_in_fen + s.carried_out_fen, s.carried_in_fen, "
            + "s.issued_by, s.issued_at FROM merchant_settlement s JOIN merchant m ON m.id = s.merchant_id ";
    private static final RowMapper<Settlement> SETTLEMENT_ROW = (rs, i) -> new Settlement(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, LocalDate.class), new Statement(rs.getInt(7),
            rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)), rs.getString(15),
            rs.getTimestamp(16).toInstant());
    private static final String CLAIM = "SELECT id, number, community_id, from_date, through_date, orders, total_fen, claimed_by, claimed_at FROM subsidy_claim ";
    private static final RowMapper<Claim> CLAIM_ROW = (rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    private static final String EVIDENCE = "SELECT o.id, o.number, o.service_date, o.kind, f.name, m.name, o.quantity, o.buyer_name, o.buyer_birth_date, "
            + "o.age_verified_by, o.gross_fen, o.subsidy_fen, o.payer_fen, o.paid_at, o.fulfilled_at FROM customer_order o "
            + "JOIN offering f ON f.id = o.offering_id JOIN merchant m ON m.id = o.merchant_id ";
    private static final RowMapper<Evidence> EVIDENCE_ROW = (rs, i) -> new Evidence(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), PersonNames.masked(rs.getString(8)),
            Period.between(rs.getObject(9, LocalDate.class), rs.getObject(3, LocalDate.class)).getYears(), rs.getString(10), rs.getLong(11),
            rs.getLong(12), rs.getLong(13), rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant());

    /**
     * An order is settled once it is served, or once it is cancelled after it was paid (its refund in the same or a later
     * settlement): an order paid but not yet served waits. A cancelled order was never served, so it carries no subsidy
     * and its gross is what the buyer paid.
     */
    private static final String SETTLEABLE = " settlement_id IS NULL AND paid_at IS NOT NULL AND ((status = 'FULFILLED' AND fulfilled_at < ?) "
            + "OR (status = 'CANCELLED' AND cancelled_at < ?))";

    /** A refund is settled with its order or after it: never before the order it takes from. */
    private static final String REFUND_SETTLEABLE = " r.settlement_id IS NULL AND r.refunded_at < ? AND (o.settlement_id IS NOT NULL OR (o.paid_at IS NOT NULL "
            + "AND ((o.status = 'FULFILLED' AND o.fulfilled_at < ?) OR (o.status = 'CANCELLED' AND o.cancelled_at < ?))))";

    private final JdbcTemplate jdbc;

    JdbcSettlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockMerchant(UUID merchantId) {
        jdbc.queryForList("SELECT id FROM merchant WHERE id = ? FOR UPDATE", UUID.class, merchantId);
    }

    @Override
    public Statement unsettled(UUID merchantId, Instant before) {
        long[] o = jdbc.queryForObject("""
                SELECT count(*), coalesce(sum(CASE WHEN status = 'CANCELLED' THEN payer_fen ELSE gross_fen END), 0),
                       coalesce(sum(CASE WHEN status = 'CANCELLED' THEN 0 ELSE subsidy_fen END), 0),
                       coalesce(sum(community_commission_fen + operator_commission_fen), 0), coalesce(sum(merchant_fen), 0)
                FROM customer_order WHERE merchant_id = ? AND """ + SETTLEABLE,
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}, merchantId, Timestamp.from(before),
                Timestamp.from(before));
        long[] r = jdbc.queryForObject("""
                SELECT count(*), coalesce(sum(r.amount_fen), 0), coalesce(sum(r.community_commission_fen + r.operator_commission_fen), 0),
                       coalesce(sum(r.merchant_fen), 0)
                FROM order_refund r JOIN customer_order o ON o.id = r.order_id
                WHERE o.merchant_id = ? AND """ + REFUND_SETTLEABLE,
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, merchantId, Timestamp.from(before),
                Timestamp.from(before), Timestamp.from(before));
        long carriedIn = jdbc.queryForList("SELECT carried_out_fen FROM merchant_settlement WHERE merchant_id = ? ORDER BY issued_at DESC, id DESC LIMIT 1",
                Long.class, merchantId).stream().findFirst().orElse(0L);
        return new Statement((int) o[0], (int) r[0], o[1], o[2], r[1], o[3] - r[2], o[4] - r[3], carriedIn);
    }

    @Override
    public String nextSettlementNumber(LocalDate day) {
        return "JS%s%05d".formatted(day.toString().replace("-", ""), jdbc.queryForObject("SELECT nextval('settlement_number')", Long.class));
    }

    @Override
    public void insert(Settlement s, Instant before) {
        Statement st = s.statement();
        jdbc.update("""
                INSERT INTO merchant_settlement (id, number, community_id, merchant_id, through_date, orders, refunds, gross_fen, subsidy_fen, refunds_fen,
                    commission_fen, net_fen, carried_in_fen, payout_fen, carried_out_fen, issued_by, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.id(), s.number(), s.communityId(), s.merchantId(),
                Date.valueOf(s.throughDate()), st.orders(), st.refunds(), st.grossFen(), st.subsidyFen(), st.refundsFen(), st.commissionFen(), st.netFen(),
                st.carriedInFen(), st.payoutFen(), st.carriedOutFen(), s.issuedBy(), Timestamp.from(s.issuedAt()));
        jdbc.update("UPDATE customer_order SET settlement_id = ? WHERE merchant_id = ? AND " + SETTLEABLE, s.id(), s.merchantId(), Timestamp.from(before),
                Timestamp.from(before));
        jdbc.update("UPDATE order_refund r SET settlement_id = ? FROM customer_order o WHERE o.id = r.order_id AND o.merchant_id = ? AND "
                + REFUND_SETTLEABLE, s.id(), s.merchantId(), Timestamp.from(before), Timestamp.from(before), Timestamp.from(before));
    }

    @Override
    public List<Settlement> settlements(UUID communityId, UUID merchantId) {
        return merchantId == null
                ? jdbc.query(SETTLEMENT + "WHERE s.community_id = ? ORDER BY s.issued_at DESC, s.id DESC LIMIT 500", SETTLEMENT_ROW, communityId)
                : jdbc.query(SETTLEMENT + "WHERE s.community_id = ? AND s.merchant_id = ? ORDER BY s.issued_at DESC, s.id DESC LIMIT 500", SETTLEMENT_ROW,
                communityId, merchantId);
    }

    @Override
    public List<Line> lines(UUID settlementId) {
        return jdbc.query("""
                SELECT 'ORDER', id, number, service_date, coalesce(fulfilled_at, cancelled_at),
                       CASE WHEN status = 'CANCELLED' THEN payer_fen ELSE gross_fen END, CASE WHEN status = 'CANCELLED' THEN 0 ELSE subsidy_fen END,
                       community_commission_fen + operator_commission_fen, merchant_fen, 0
                FROM customer_order WHERE settlement_id = ?
                UNION ALL
                SELECT 'REFUND', o.id, o.number, o.service_date, r.refunded_at, 0, 0, -(r.community_commission_fen + r.operator_commission_fen),
                       -r.merchant_fen, r.amount_fen
                FROM order_refund r JOIN customer_order o ON o.id = r.order_id WHERE r.settlement_id = ?
                ORDER BY 5, 3""", (rs, i) -> new Line(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)), settlementId, settlementId);
    }

    @Override
    public String nextClaimNumber(LocalDate day) {
        return "BT%s%05d".formatted(day.toString().replace("-", ""), jdbc.queryForObject("SELECT nextval('claim_number')", Long.class));
    }

    @Override
    public List<Evidence> unclaimed(UUID communityId, LocalDate from, LocalDate through) {
        return jdbc.query(EVIDENCE + "WHERE o.community_id = ? AND o.subsidy_fen > 0 AND o.status = 'FULFILLED' AND o.subsidy_claim_id IS NULL "
                + "AND o.service_date BETWEEN ? AND ? ORDER BY o.service_date, o.number FOR UPDATE OF o", EVIDENCE_ROW, communityId, Date.valueOf(from),
                Date.valueOf(through));
    }

    @Override
    public void insert(Claim c, List<UUID> orderIds) {
        jdbc.update("INSERT INTO subsidy_claim (id, number, community_id, from_date, through_date, orders, total_fen, claimed_by, claimed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.number(), c.communityId(), Date.valueOf(c.from()), Date.valueOf(c.through()), c.orders(),
                c.totalFen(), c.claimedBy(), Timestamp.from(c.claimedAt()));
        jdbc.update("UPDATE customer_order SET subsidy_claim_id = ? WHERE id = ANY (?)", c.id(), orderIds.toArray(UUID[]::new));
    }

    @Override
    public Optional<Claim> claim(UUID communityId, UUID id) {
        return jdbc.query(CLAIM + "WHERE community_id = ? AND id = ?", CLAIM_ROW, communityId, id).stream().findFirst();
    }

    @Override
    public List<Claim> claims(UUID communityId) {
        return jdbc.query(CLAIM + "WHERE community_id = ? ORDER BY claimed_at DESC LIMIT 500", CLAIM_ROW, communityId);
    }

    @Override
    public List<Evidence> evidence(UUID claimId) {
        return jdbc.query(EVIDENCE + "WHERE o.subsidy_claim_id = ? ORDER BY o.service_date, o.number", EVIDENCE_ROW, claimId);
    }
}
