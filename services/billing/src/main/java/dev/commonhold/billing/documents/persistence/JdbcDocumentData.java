package dev.commonhold.billing.documents.persistence;

import dev.commonhold.billing.documents.app.DocumentData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcDocumentData implements DocumentData {

    private final JdbcTemplate jdbc;

    JdbcDocumentData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Receipt> receipt(UUID communityId, UUID paymentId) {
        List<ReceiptLine> lines = jdbc.query("""
                SELECT i.number, l.description, l.revenue_class, s.amount_fen FROM settlement s
                JOIN invoice_line l ON l.id = s.line_id JOIN invoice i ON i.id = l.invoice_id
                WHERE s.payment_id = ? ORDER BY l.due_on, i.number""",
                (rs, i) -> new ReceiptLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), paymentId);
        return jdbc.query("""
                SELECT p.id, p.community_id, c.name, p.payer_unit_id, u.building_name || '-' || u.number, u.owner_name, p.channel,
                       p.channel_transaction_id, p.amount_fen,
                       coalesce((SELECT sum(amount_fen) FROM credit_entry e WHERE e.payment_id = p.id AND e.amount_fen > 0), 0),
                       p.received_at, p.recorded_by
                FROM payment p JOIN community c ON c.id = p.community_id LEFT JOIN unit u ON u.id = p.payer_unit_id
                WHERE p.id = ? AND p.community_id = ?""",
                (rs, i) -> new Receipt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                        rs.getTimestamp(11).toInstant(), rs.getString(12), lines), paymentId, communityId).stream().findFirst();
    }

    @Override
    public List<StatementInvoice> invoices(UUID unitId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT i.number, i.issued_on, l.due_on, l.description, l.amount_fen, l.paid_fen, l.cancelled_at IS NOT NULL
                FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
                WHERE i.payer_unit_id = ? AND i.issued_on BETWEEN ? AND ? ORDER BY i.issued_on, i.number, l.due_on""",
                (rs, i) -> new StatementInvoice(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getBoolean(7)), unitId, from, to);
    }

    @Override
    public List<StatementPayment> payments(UUID unitId, LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.query("""
                SELECT received_at, channel, channel_transaction_id, amount_fen FROM payment
                WHERE payer_unit_id = ? AND received_at >= ? AND received_at < ? ORDER BY received_at""",
                (rs, i) -> new StatementPayment(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getLong(4)),
                unitId, Timestamp.from(from.atStartOfDay(zone).toInstant()), Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
