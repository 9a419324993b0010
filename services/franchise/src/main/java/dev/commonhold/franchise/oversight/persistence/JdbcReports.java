package dev.commonhold.franchise.oversight.persistence;

import dev.commonhold.franchise.oversight.app.ReportStore;
import dev.commonhold.franchise.oversight.domain.OperatorReport;
import dev.commonhold.platform.messaging.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
class JdbcReports implements ReportStore {

    private final JdbcTemplate jdbc;

    JdbcReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OperatorReport submit(UUID agreementId, OperatorReport r, String by) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 15))", Object.class, agreementId + "|" + r.year());
        jdbc.update("""
                INSERT INTO operator_report (agreement_id, year, version, revenue_fen, costs_fen, invested_fen, kpi_actuals, submitted_by, submitted_at)
                VALUES (?, ?, (SELECT coalesce(max(version), 0) + 1 FROM operator_report WHERE agreement_id = ? AND year = ?), ?, ?, ?, ?::jsonb, ?, ?)""",
                agreementId, r.year(), agreementId, r.year(), r.revenueFen(), r.costsFen(), r.investedFen(), EventJson.toTree(r.kpiActuals()).toString(), by,
                Timestamp.from(r.submittedAt()));
        return reports(agreementId).stream().filter(x -> x.year() == r.year()).findFirst().orElseThrow();
    }

    @Override
    public List<OperatorReport> reports(UUID agreementId) {
        return jdbc.query("""
                SELECT DISTINCT ON (year) year, revenue_fen, costs_fen, invested_fen, kpi_actuals::text,
                       (SELECT min(submitted_at) FROM operator_report f WHERE f.agreement_id = r.agreement_id AND f.year = r.year)
                FROM operator_report r WHERE agreement_id = ? ORDER BY year, version DESC""", (rs, i) -> new OperatorReport(rs.getInt(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4), actuals(rs.getString(5)), rs.getTimestamp(6).toInstant()), agreementId);
    }

    private static Map<String, Long> actuals(String json) {
        Map<String, Long> actuals = new LinkedHashMap<>();
        EventJson.readTree(json).properties().forEach(e -> actuals.put(e.getKey(), e.getValue().asLong()));
        return actuals;
    }

    @Override
    public void evaluate(Evaluation e) {
        jdbc.update("INSERT INTO evaluation (id, agreement_id, year, verdict, notes, evaluated_by, jurisdiction, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.agreementId(), e.year(), e.verdict(), e.notes(), e.evaluatedBy(), e.jurisdiction(), Timestamp.from(e.evaluatedAt()));
    }

    @Override
    public List<Evaluation> evaluations(UUID agreementId) {
        return jdbc.query("SELECT id, agreement_id, year, verdict, notes, evaluated_by, jurisdiction, evaluated_at FROM evaluation WHERE agreement_id = ? "
                + "ORDER BY evaluated_at", (rs, i) -> new Evaluation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), agreementId);
    }
}
