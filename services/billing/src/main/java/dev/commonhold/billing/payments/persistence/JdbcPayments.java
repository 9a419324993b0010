package dev.commonhold.billing.payments.persistence;

import dev.commonhold.billing.payments.app.PaymentStore;
import dev.commonhold.billing.payments.app.Received;
import dev.commonhold.billing.payments.app.Refunds;
import dev.commonhold.billing.payments.app.Reversals;
import dev.commonhold.billing.payments.domain.OldestFirst;
import dev.commonhold.billing.payments.domain.OpenLine;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcPayments implements PaymentStore {

    private static final String OPEN_LINES = """
            SELECT l.id, l.invoice_id, l.charge_id, l.community_id, l.payer_unit_id, i.payer_kind, i.payer_reference, i.payer_name,
                   l.revenue_class, l.base_revenue_class, l.amount_fen, l.paid_fen, l.due_on
            FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
            WHERE %s AND l.paid_fen < l.amount_fen AND l.cancelled_at IS NULL
            ORDER BY l.due_on, i.issued_on, i.number, l.id
            FOR UPDATE OF l""";

    private final JdbcTemplate jdbc;

    JdbcPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertPayment(Received p) {
        return jdbc.update("""
                INSERT INTO payment (id, community_id, payer_unit_id, channel, amount_fen, channel_transaction_id, received_at, recorded_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, channel_transaction_id) DO NOTHING""",
                p.paymentId(), p.communityId(), p.unitId(), p.channel(), p.amountFen(), p.channelTransactionId(),
                Timestamp.from(p.receivedAt()), p.recordedBy(), p.note()) == 1;
    }

    @Override
    public List<OpenLine> lockOpenLines(UUID unitId, Collection<UUID> lineIds) {
        // Without a unit (a plate paying at the exit) the lines are named: never "every open line of nobody".
        String filter = unitId == null ? "l.id = ANY(?)" : lineIds == null ? "l.payer_unit_id = ?" : "l.payer_unit_id = ? AND l.id = ANY(?)";
        Object[] args = unitId == null ? new Object[]{lineIds.toArray(UUID[]::new)}
                : lineIds == null ? new Object[]{unitId} : new Object[]{unitId, lineIds.toArray(UUID[]::new)};
        return jdbc.query(OPEN_LINES.formatted(filter), (rs, i) -> new OpenLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getObject(13, LocalDate.class)), args);
    }

    @Override
    public java.util.Optional<OpenLine> lockOpenChargeLine(UUID communityId, UUID chargeId) {
        return lockChargeLine(communityId, chargeId).filter(ChargeLine::open).map(ChargeLine::line);
    }

    @Override
    public java.util.Optional<ChargeLine> lockChargeLine(UUID communityId, UUID chargeId) {
        return jdbc.query("""
                SELECT l.id, l.invoice_id, l.charge_id, l.community_id, l.payer_unit_id, i.payer_kind, i.payer_reference, i.payer_name,
                       l.revenue_class, l.base_revenue_class, l.amount_fen, l.paid_fen, l.due_on, l.paid_fen < l.amount_fen AND l.cancelled_at IS NULL
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE l.community_id = ? AND l.charge_id = ? AND i.payer_kind IN ('plate', 'tenant', 'customer')
                FOR UPDATE OF l""", (rs, i) -> new ChargeLine(new OpenLine(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                rs.getLong(12), rs.getObject(13, LocalDate.class)), rs.getBoolean(14)), communityId, chargeId).stream().findFirst();
    }

    @Override
    public List<UUID> settle(UUID paymentId, List<OldestFirst.Share> shares, Instant at) {
        List<UUID> ids = shares.stream().map(s -> Ids.newId()).toList();
        for (int i = 0; i < shares.size(); i++) {
            OldestFirst.Share share = shares.get(i);
            jdbc.update("INSERT INTO settlement (id, payment_id, line_id, amount_fen, settled_at) VALUES (?, ?, ?, ?, ?)",
                    ids.get(i), paymentId, share.line().lineId(), share.amountFen(), Timestamp.from(at));
            jdbc.update("UPDATE invoice_line SET paid_fen = paid_fen + ? WHERE id = ?", share.amountFen(), share.line().lineId());
        }
        return ids;
    }

    @Override
    public void credit(UUID communityId, UUID unitId, long amountFen, UUID paymentId, String reason) {
        jdbc.update("INSERT INTO credit_entry (id, community_id, unit_id, amount_fen, payment_id, reason) VALUES (?, ?, ?, ?, ?, ?)",
                Ids.newId(), communityId, unitId, amountFen, paymentId, reason);
    }

    @Override
    public long creditBalance(UUID unitId) {
        Long balance = jdbc.queryForObject("SELECT coalesce(sum(amount_fen), 0) FROM credit_entry WHERE unit_id = ?", Long.class, unitId);
        return balance == null ? 0 : balance;
    }

    @Override
    public void lockBalance(UUID unitId) {
        jdbc.queryForList("SELECT id FROM unit WHERE id = ? FOR UPDATE", UUID.class, unitId);
    }

    @Override
    public java.util.Optional<PaymentRow> lockPayment(UUID communityId, UUID paymentId) {
        return jdbc.query("SELECT id, community_id, payer_unit_id, channel, amount_fen FROM payment WHERE id = ? AND community_id = ? FOR SHARE",
                (rs, i) -> new PaymentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getLong(5)), paymentId, communityId).stream().findFirst();
    }

    @Override
    public boolean recordReversal(UUID reversalId, UUID paymentId, String reason, Instant at, String by) {
        return jdbc.update("INSERT INTO payment_reversal (id, payment_id, reason, reversed_at, reversed_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING",
                reversalId, paymentId, reason, Timestamp.from(at), by) == 1;
    }

    @Override
    public long creditFrom(UUID paymentId) {
        Long credited = jdbc.queryForObject("SELECT coalesce(sum(amount_fen), 0) FROM credit_entry WHERE payment_id = ? AND amount_fen > 0", Long.class, paymentId);
        return credited == null ? 0 : credited;
    }

    @Override
    public List<Reversals.Reversed> unsettle(UUID paymentId) {
        List<Reversals.Reversed> settled = jdbc.query("""
                SELECT s.id, s.line_id, l.payer_unit_id, l.revenue_class, s.amount_fen FROM settlement s JOIN invoice_line l ON l.id = s.line_id
                WHERE s.payment_id = ? ORDER BY s.id FOR UPDATE OF l""",
                (rs, i) -> new Reversals.Reversed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getLong(5)), paymentId);
        settled.forEach(s -> jdbc.update("UPDATE invoice_line SET paid_fen = paid_fen - ? WHERE id = ?", s.amountFen(), s.lineId()));
        return settled;
    }

    @Override
    public void recordRefund(UUID refundId, Refunds.Refund r, String by) {
        jdbc.update("INSERT INTO refund (id, community_id, unit_id, amount_fen, channel, reason, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                refundId, r.communityId(), r.unit().id(), r.amountFen(), r.channel(), r.reason(), Timestamp.from(r.issuedAt()), by);
    }
}
