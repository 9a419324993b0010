package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.BillingRunStore;
import dev.commonhold.billing.invoicing.domain.BillingRun;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcBillingRuns implements BillingRunStore {

    private static final String COLUMNS = """
            id, scope_key, period_first, status, total_units, done_units, issued, already_billed, no_price, issued_fen,
            cursor_community, cursor_unit, started_at, progressed_at, finished_at, error""";
    private static final RowMapper<BillingRun> RUN = (rs, i) -> new BillingRun(rs.getObject(1, UUID.class), rs.getString(2),
            YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
            rs.getInt(9), rs.getLong(10), rs.getObject(11, UUID.class), rs.getObject(12, UUID.class), rs.getTimestamp(13).toInstant(),
            rs.getTimestamp(14).toInstant(), instant(rs.getTimestamp(15)), rs.getString(16));

    private final JdbcTemplate jdbc;

    JdbcBillingRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BillingRun createOrGet(UUID id, String scopeKey, YearMonth first, int totalUnits, String by) {
        jdbc.update("""
                INSERT INTO billing_run (id, scope_key, period_first, status, total_units, started_by) VALUES (?, ?, ?, 'RUNNING', ?, ?)
                ON CONFLICT (scope_key, period_first) DO NOTHING""", id, scopeKey, first.atDay(1), totalUnits, by);
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM billing_run WHERE scope_key = ? AND period_first = ?", RUN, scopeKey, first.atDay(1));
    }

    @Override
    public Optional<BillingRun> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM billing_run WHERE id = ?", RUN, id).stream().findFirst();
    }

    @Override
    public Optional<BillingRun> lockForWork(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM billing_run WHERE id = ? FOR UPDATE SKIP LOCKED", RUN, id).stream().findFirst();
    }

    @Override
    public void progressed(UUID id, int done, int issued, int alreadyBilled, int noPrice, long issuedFen, UUID cursorCommunity, UUID cursorUnit) {
        jdbc.update("""
                UPDATE billing_run SET done_units = done_units + ?, issued = issued + ?, already_billed = already_billed + ?,
                    no_price = no_price + ?, issued_fen = issued_fen + ?, cursor_community = ?, cursor_unit = ?, progressed_at = clock_timestamp()
                WHERE id = ?""", done, issued, alreadyBilled, noPrice, issuedFen, cursorCommunity, cursorUnit, id);
    }

    @Override
    public void finished(UUID id, String status, String error) {
        jdbc.update("UPDATE billing_run SET status = ?, error = ?, finished_at = clock_timestamp(), progressed_at = clock_timestamp() WHERE id = ?",
                status, error, id);
    }

    @Override
    public void restart(UUID id) {
        jdbc.update("UPDATE billing_run SET status = 'RUNNING', error = NULL, finished_at = NULL WHERE id = ? AND status = 'FAILED'", id);
    }

    @Override
    public List<UUID> running() {
        return jdbc.queryForList("SELECT id FROM billing_run WHERE status = 'RUNNING' ORDER BY started_at", UUID.class);
    }

    @Override
    public List<BillingRun> ofScope(String scopeKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM billing_run WHERE scope_key = ? ORDER BY period_first DESC", RUN, scopeKey);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
