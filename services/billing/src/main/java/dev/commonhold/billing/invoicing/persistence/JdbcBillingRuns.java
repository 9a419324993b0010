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
            lanes, started_at, progressed_at, finished_at, error""";
    private static final RowMapper<BillingRun> RUN = (rs, i) -> new BillingRun(rs.getObject(1, UUID.class), rs.getString(2),
            YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
            rs.getInt(9), rs.getLong(10), rs.getInt(11), rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
            instant(rs.getTimestamp(14)), rs.getString(15));

    private final JdbcTemplate jdbc;

    JdbcBillingRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BillingRun createOrGet(UUID id, String scopeKey, YearMonth first, int totalUnits, int lanes, String by) {
        int created = jdbc.update("""
                INSERT INTO billing_run (id, scope_key, period_first, status, total_units, lanes, started_by) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)
                ON CONFLICT (scope_key, period_first) DO NOTHING""", id, scopeKey, first.atDay(1), totalUnits, lanes, by);
        if (created == 1) {
            jdbc.update("INSERT INTO billing_run_lane (run_id, lane) SELECT ?, generate_series(0, ? - 1)", id, lanes);
        }
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM billing_run WHERE scope_key = ? AND period_first = ?", RUN, scopeKey, first.atDay(1));
    }

    @Override
    public Optional<BillingRun> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM billing_run WHERE id = ?", RUN, id).stream().findFirst();
    }

    @Override
    public Optional<Lane> lockLane(UUID runId, int lane) {
        return jdbc.query("""
                SELECT l.lane, l.cursor_community, l.cursor_unit FROM billing_run_lane l JOIN billing_run r ON r.id = l.run_id
                WHERE l.run_id = ? AND l.lane = ? AND NOT l.finished AND r.status = 'RUNNING' FOR UPDATE OF l SKIP LOCKED""",
                (rs, i) -> new Lane(rs.getInt(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)), runId, lane).stream().findFirst();
    }

    @Override
    public List<Integer> openLanes(UUID runId) {
        return jdbc.queryForList("SELECT lane FROM billing_run_lane WHERE run_id = ? AND NOT finished ORDER BY lane", Integer.class, runId);
    }

    @Override
    public void progressed(UUID runId, Lane lane, int done, int issued, int alreadyBilled, int noPrice, long issuedFen) {
        jdbc.update("UPDATE billing_run_lane SET cursor_community = ?, cursor_unit = ? WHERE run_id = ? AND lane = ?",
                lane.cursorCommunity(), lane.cursorUnit(), runId, lane.number());
        // Last in the lane's transaction: the other lanes wait for this row only while this one commits.
        jdbc.update("""
                UPDATE billing_run SET done_units = done_units + ?, issued = issued + ?, already_billed = already_billed + ?,
                    no_price = no_price + ?, issued_fen = issued_fen + ?, progressed_at = clock_timestamp()
                WHERE id = ?""", done, issued, alreadyBilled, noPrice, issuedFen, runId);
    }

    @Override
    public void laneFinished(UUID runId, int lane) {
        jdbc.update("UPDATE billing_run_lane SET finished = true WHERE run_id = ? AND lane = ?", runId, lane);
        // Lanes finishing together take turns on the run's row, so the last one always sees the others finished.
        jdbc.queryForList("SELECT id FROM billing_run WHERE id = ? FOR UPDATE", UUID.class, runId);
        if (openLanes(runId).isEmpty()) {
            finished(runId, "DONE", null);
        }
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
