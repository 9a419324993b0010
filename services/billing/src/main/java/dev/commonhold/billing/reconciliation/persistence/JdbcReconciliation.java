package dev.commonhold.billing.reconciliation.persistence;

import dev.commonhold.billing.reconciliation.app.ReconciliationStore;
import dev.commonhold.billing.reconciliation.domain.Matching;
import dev.commonhold.billing.reconciliation.domain.OurPayment;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcReconciliation implements ReconciliationStore {

    private static final String DAY_COLUMNS = "company_id, channel, day, statement_sha256, statement_rows, matched, matched_fen, refunds, imported_at, locked_at, locked_by";
    private static final RowMapper<Day> DAY = (rs, i) -> new Day(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
            rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getString(11));

    private final JdbcTemplate jdbc;

    JdbcReconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OurPayment> ours(UUID companyId, String channel, LocalDate day, ZoneId zone) {
        return jdbc.query("""
                SELECT p.id, p.channel_transaction_id, p.amount_fen FROM payment p JOIN community c ON c.id = p.community_id
                WHERE c.operator_company_id = ? AND p.channel = ? AND p.received_at >= ? AND p.received_at < ? ORDER BY p.received_at""",
                (rs, i) -> new OurPayment(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)), companyId, channel,
                Timestamp.from(day.atStartOfDay(zone).toInstant()), Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    @Override
    public Optional<Day> lockDay(UUID companyId, String channel, LocalDate day) {
        return jdbc.query("SELECT " + DAY_COLUMNS + " FROM reconciliation_day WHERE company_id = ? AND channel = ? AND day = ? FOR UPDATE",
                DAY, companyId, channel, day).stream().findFirst();
    }

    @Override
    public void replace(UUID companyId, String channel, LocalDate day, String sha256, int rows, Matching.Result result, String by) {
        jdbc.update("DELETE FROM reconciliation_exception WHERE company_id = ? AND channel = ? AND day = ? AND resolved_at IS NULL", companyId, channel, day);
        jdbc.update("""
                INSERT INTO reconciliation_day (company_id, channel, day, statement_sha256, statement_rows, matched, matched_fen, refunds, imported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (company_id, channel, day) DO UPDATE SET statement_sha256 = excluded.statement_sha256,
                    statement_rows = excluded.statement_rows, matched = excluded.matched, matched_fen = excluded.matched_fen,
                    refunds = excluded.refunds, imported_by = excluded.imported_by, imported_at = now()""",
                companyId, channel, day, sha256, rows, result.matched(), result.matchedFen(), result.refunds(), by);
        jdbc.batchUpdate("""
                INSERT INTO reconciliation_exception (id, company_id, channel, day, kind, transaction_id, statement_row, payment_id, our_fen, statement_fen)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM reconciliation_exception
                    WHERE company_id = ? AND channel = ? AND day = ? AND kind = ? AND transaction_id = ? AND resolved_at IS NOT NULL)""",
                result.exceptions(), 200, (ps, e) -> {
                    Object[] values = {Ids.newId(), companyId, channel, day, e.kind().name(), e.transactionId(), e.row(),
                            e.ours() == null ? null : e.ours().paymentId(), e.ours() == null ? null : e.ours().amountFen(), e.statementFen(),
                            companyId, channel, day, e.kind().name(), e.transactionId()};
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                });
    }

    @Override
    public Optional<Day> day(UUID companyId, String channel, LocalDate day) {
        return jdbc.query("SELECT " + DAY_COLUMNS + " FROM reconciliation_day WHERE company_id = ? AND channel = ? AND day = ?",
                DAY, companyId, channel, day).stream().findFirst();
    }

    @Override
    public List<ExceptionRow> exceptions(UUID companyId, String channel, LocalDate day) {
        return jdbc.query("""
                SELECT id, kind, transaction_id, statement_row, payment_id, our_fen, statement_fen, resolved_at, resolved_by, resolution
                FROM reconciliation_exception WHERE company_id = ? AND channel = ? AND day = ? ORDER BY kind, statement_row NULLS LAST, transaction_id""",
                (rs, i) -> new ExceptionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                        rs.getObject(5, UUID.class), (Long) rs.getObject(6), (Long) rs.getObject(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10)),
                companyId, channel, day);
    }

    @Override
    public boolean resolve(UUID companyId, UUID exceptionId, String resolution, String by) {
        return jdbc.update("""
                UPDATE reconciliation_exception e SET resolved_at = now(), resolved_by = ?, resolution = ?
                WHERE e.id = ? AND e.company_id = ? AND e.resolved_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM reconciliation_day d WHERE d.company_id = e.company_id AND d.channel = e.channel
                                  AND d.day = e.day AND d.locked_at IS NOT NULL)""", by, resolution, exceptionId, companyId) == 1;
    }

    @Override
    public void lock(UUID companyId, String channel, LocalDate day, String by) {
        jdbc.update("UPDATE reconciliation_day SET locked_at = now(), locked_by = ? WHERE company_id = ? AND channel = ? AND day = ?",
                by, companyId, channel, day);
    }
}
