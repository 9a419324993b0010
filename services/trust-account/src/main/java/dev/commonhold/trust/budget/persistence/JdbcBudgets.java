package dev.commonhold.trust.budget.persistence;

import dev.commonhold.trust.budget.app.BudgetStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcBudgets implements BudgetStore {

    private final JdbcTemplate jdbc;

    JdbcBudgets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean saveDraft(Budget d, String by, Instant at) {
        Optional<Budget> existing = ofYear(d.communityId(), d.year());
        if (existing.isPresent() && existing.get().status() != Status.DRAFT) {
            return false;
        }
        UUID id = existing.map(Budget::id).orElse(d.id());
        if (existing.isPresent()) {
            if (jdbc.update("UPDATE budget SET resolution_id = ?, drafted_by = ?, drafted_at = ? WHERE id = ? AND status = 'DRAFT'"
                    + " AND NOT EXISTS (SELECT 1 FROM budget o WHERE o.resolution_id = ? AND o.id <> ?)", d.resolutionId(), by, Timestamp.from(at), id,
                    d.resolutionId(), id) == 0) {
                return false;
            }
            jdbc.update("DELETE FROM budget_line WHERE budget_id = ?", id);
        } else if (jdbc.update("INSERT INTO budget (id, community_id, year, resolution_id, status, drafted_by, drafted_at) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?)"
                + " ON CONFLICT DO NOTHING", id, d.communityId(), d.year(), d.resolutionId(), by, Timestamp.from(at)) == 0) {
            return false;
        }
        jdbc.batchUpdate("INSERT INTO budget_line (budget_id, expense_account, amount_fen) VALUES (?, ?, ?)",
                d.lines().entrySet().stream().map(e -> new Object[]{id, e.getKey(), e.getValue()}).toList());
        return true;
    }

    @Override
    public Optional<Budget> ofYear(UUID communityId, int year) {
        return jdbc.query("SELECT id, community_id, year, resolution_id, status, decided_at FROM budget WHERE community_id = ? AND year = ?",
                (rs, i) -> budget(rs), communityId, year).stream().findFirst();
    }

    @Override
    public void decided(UUID resolutionId, Status status, Instant at) {
        jdbc.update("UPDATE budget SET status = ?, decided_at = ? WHERE resolution_id = ? AND status = 'DRAFT'", status.name(), Timestamp.from(at), resolutionId);
    }

    private Budget budget(ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Map<String, Long> lines = new LinkedHashMap<>();
        jdbc.query("SELECT expense_account, amount_fen FROM budget_line WHERE budget_id = ? ORDER BY expense_account",
                (ResultSet l) -> {
                    lines.put(l.getString(1), l.getLong(2));
                }, id);
        Timestamp decided = rs.getTimestamp(6);
        return new Budget(id, rs.getObject(2, UUID.class), rs.getInt(3), rs.getObject(4, UUID.class), Status.valueOf(rs.getString(5)), lines,
                decided == null ? null : decided.toInstant());
    }
}
