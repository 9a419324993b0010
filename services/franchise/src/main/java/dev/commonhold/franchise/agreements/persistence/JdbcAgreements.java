package dev.commonhold.franchise.agreements.persistence;

import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.AgreementTerms;
import dev.commonhold.platform.messaging.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agreement versions as rows with their terms as JSON (read back through the same validating records), and the coverage they give. */
@Repository
class JdbcAgreements implements AgreementStore {

    private static final String COLUMNS = "SELECT agreement_id, version, effective_from, terms::text, operator_company_id, recorded_by, recorded_at, "
            + "terms ->> 'amendmentReason' FROM agreement_version ";
    private static final RowMapper<Recorded> RECORDED = (rs, i) -> {
        var json = EventJson.readTree(rs.getString(4));
        AgreementTerms terms = EventJson.convert(json.get("terms"), AgreementTerms.class);
        String reason = json.get("amendmentReason") == null || json.get("amendmentReason").isNull() ? null : json.get("amendmentReason").asString();
        return new Recorded(new Agreement(rs.getObject(1, UUID.class), rs.getInt(2), rs.getDate(3).toLocalDate(), reason, terms),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getTimestamp(7).toInstant());
    };

    private final JdbcTemplate jdbc;

    JdbcAgreements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> insert(Agreement a, UUID operatorCompanyId, String recordedBy, Instant at) {
        List<String> overlaps = new ArrayList<>();
        for (UUID community : a.terms().communities()) {
            for (String revenueClass : a.terms().coveredClasses()) {
                jdbc.queryForList("SELECT agreement_id FROM coverage WHERE community_id = ? AND revenue_class = ? AND agreement_id <> ?", UUID.class,
                        community, revenueClass, a.id()).forEach(other -> overlaps.add(community + " " + revenueClass));
            }
        }
        if (!overlaps.isEmpty()) {
            return overlaps;
        }
        java.util.Map<String, Object> stored = new java.util.LinkedHashMap<>();
        stored.put("amendmentReason", a.amendmentReason());
        stored.put("terms", a.terms());
        jdbc.update("INSERT INTO agreement_version (agreement_id, version, effective_from, jurisdiction, operator_company_id, terms, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)", a.id(), a.version(), Date.valueOf(a.effectiveFrom()), a.terms().jurisdiction(),
                operatorCompanyId, EventJson.toTree(stored).toString(), recordedBy, Timestamp.from(at));
        jdbc.update("DELETE FROM coverage WHERE agreement_id = ?", a.id());
        List<Object[]> rows = new ArrayList<>();
        a.terms().communities().forEach(c -> a.terms().coveredClasses().forEach(k -> rows.add(new Object[]{c, k, a.id()})));
        jdbc.batchUpdate("INSERT INTO coverage (community_id, revenue_class, agreement_id) VALUES (?, ?, ?)", rows);
        return List.of();
    }

    @Override
    public Optional<Recorded> latest(UUID agreementId) {
        return jdbc.query(COLUMNS + "WHERE agreement_id = ? ORDER BY version DESC LIMIT 1", RECORDED, agreementId).stream().findFirst();
    }

    @Override
    public List<Recorded> versions(UUID agreementId) {
        return jdbc.query(COLUMNS + "WHERE agreement_id = ? ORDER BY version", RECORDED, agreementId);
    }

    @Override
    public Optional<Agreement> inForce(UUID agreementId, LocalDate day) {
        return jdbc.query(COLUMNS + "WHERE agreement_id = ? ORDER BY CASE WHEN effective_from <= ? THEN version ELSE -version END DESC LIMIT 1",
                RECORDED, agreementId, Date.valueOf(day)).stream().map(Recorded::agreement).findFirst();
    }

    @Override
    public List<Recorded> all() {
        return jdbc.query(COLUMNS + "v WHERE version = (SELECT max(version) FROM agreement_version w WHERE w.agreement_id = v.agreement_id) "
                + "ORDER BY recorded_at", RECORDED);
    }

    @Override
    public Optional<UUID> covering(UUID communityId, String revenueClass) {
        return jdbc.queryForList("SELECT agreement_id FROM coverage WHERE community_id = ? AND revenue_class = ?", UUID.class, communityId, revenueClass)
                .stream().findFirst();
    }

    @Override
    public void lock(UUID agreementId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 14))", Object.class, agreementId.toString());
    }
}
