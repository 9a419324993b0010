package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.InvoiceViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
class JdbcInvoiceViews implements InvoiceViews {

    private final JdbcTemplate jdbc;

    JdbcInvoiceViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<InvoiceView> ofUnit(UUID unitId, String afterNumber, int limit) {
        record Head(UUID id, String number, String reference, String name, LocalDate start, LocalDate end, LocalDate issued, LocalDate due, long total) {
        }
        List<Head> heads = jdbc.query("""
                SELECT id, number, payer_reference, payer_name, period_start, period_end, issued_on, due_on, total_fen FROM invoice
                WHERE payer_unit_id = ? AND (?::text IS NULL OR number < ?) ORDER BY number DESC LIMIT ?""",
                (rs, i) -> new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getLong(9)),
                unitId, afterNumber, afterNumber, limit);
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LineView>> lines = new LinkedHashMap<>();
        jdbc.query("""
                SELECT invoice_id, id, revenue_class, description, amount_fen, paid_fen, due_on, cancelled_at IS NOT NULL FROM invoice_line
                WHERE invoice_id = ANY(?) ORDER BY due_on, id""", rs -> {
            lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new LineView(rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getBoolean(8)));
        }, (Object) heads.stream().map(Head::id).toArray(UUID[]::new));
        return heads.stream().map(h -> {
            List<LineView> of = lines.getOrDefault(h.id(), List.of());
            return new InvoiceView(h.id(), h.number(), h.reference(), h.name(), h.start(), h.end(), h.issued(), h.due(), h.total(),
                    of.stream().mapToLong(LineView::paidFen).sum(), of);
        }).toList();
    }

    @Override
    public List<OpenByDue> openOf(UUID communityId, UUID unitId) {
        return jdbc.query("""
                SELECT payer_unit_id, due_on, sum(amount_fen - paid_fen) FROM invoice_line
                WHERE community_id = ? AND (?::uuid IS NULL OR payer_unit_id = ?) AND cancelled_at IS NULL AND paid_fen < amount_fen
                GROUP BY payer_unit_id, due_on ORDER BY due_on""",
                (rs, i) -> new OpenByDue(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3)), communityId, unitId, unitId);
    }
}
