package dev.commonhold.fund.projects.persistence;

import dev.commonhold.fund.projects.app.Projects;
import dev.commonhold.fund.projects.domain.Category;
import dev.commonhold.fund.projects.domain.UseProject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

@Repository
class JdbcProjects implements Projects {

    private static final String COLUMNS = "id, community_id, title, category, path, status, estimate_fen, final_cost_fen, contractor, "
            + "contractor_account, resolution_id, confirmed_by, confirmed_at, work_starts_by, status_note";
    private static final RowMapper<UseProject> ROW = (rs, i) -> new UseProject(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), Category.valueOf(rs.getString(4)), UseProject.Path.valueOf(rs.getString(5)), UseProject.Status.valueOf(rs.getString(6)),
            rs.getLong(7), (Long) rs.getObject(8), rs.getString(9), rs.getString(10), rs.getObject(11, UUID.class), rs.getString(12),
            rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getDate(14) == null ? null : rs.getDate(14).toLocalDate(),
            rs.getString(15));

    private final JdbcTemplate jdbc;

    JdbcProjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UseProject p, List<AffectedUnit> units, String proposedBy, Instant at) {
        jdbc.update("INSERT INTO project (id, community_id, title, category, path, status, estimate_fen, contractor, contractor_account, "
                        + "proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(), p.communityId(), p.title(), p.category().name(),
                p.path().name(), p.status().name(), p.estimateFen(), p.contractor(), p.contractorAccount(), proposedBy, Timestamp.from(at));
        jdbc.batchUpdate("INSERT INTO project_unit (project_id, unit_id, position, area_centi, share_fen, weight, contribution_fen, coefficient, "
                        + "estimate_share_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                IntStream.range(0, units.size()).boxed().toList(), 1000, (ps, i) -> {
                    ps.setObject(1, p.id());
                    ps.setObject(2, units.get(i).unitId());
                    ps.setInt(3, i);
                    ps.setLong(4, units.get(i).areaCentiM2());
                    ps.setLong(5, units.get(i).shareFen());
                    ps.setLong(6, units.get(i).weight());
                    ps.setLong(7, units.get(i).contributionFen());
                    ps.setObject(8, units.get(i).coefficient());
                    ps.setLong(9, units.get(i).shareFen());
                });
    }

    @Override
    public Optional<UseProject> find(UUID communityId, UUID projectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project WHERE community_id = ? AND id = ?", ROW, communityId, projectId).stream().findFirst();
    }

    @Override
    public Optional<UseProject> lock(UUID communityId, UUID projectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project WHERE community_id = ? AND id = ? FOR UPDATE", ROW, communityId, projectId)
                .stream().findFirst();
    }

    @Override
    public Optional<UseProject> lockByResolution(UUID resolutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project WHERE resolution_id = ? FOR UPDATE", ROW, resolutionId).stream().findFirst();
    }

    @Override
    public void update(UseProject p) {
        jdbc.update("UPDATE project SET status = ?, final_cost_fen = ?, resolution_id = ?, confirmed_by = ?, confirmed_at = ?, work_starts_by = ?, "
                        + "status_note = ? WHERE id = ?", p.status().name(), p.finalCostFen(), p.resolutionId(), p.confirmedBy(),
                p.confirmedAt() == null ? null : Timestamp.from(p.confirmedAt()), p.workStartsBy() == null ? null : Date.valueOf(p.workStartsBy()),
                p.statusNote(), p.id());
    }

    @Override
    public List<UseProject> list(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project WHERE community_id = ? ORDER BY id", ROW, communityId);
    }

    @Override
    public List<AffectedUnit> units(UUID projectId) {
        return jdbc.query("SELECT unit_id, area_centi, weight, share_fen, contribution_fen, coefficient FROM project_unit WHERE project_id = ? "
                        + "ORDER BY position", (rs, i) -> new AffectedUnit(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), (Integer) rs.getObject(6)), projectId);
    }

    @Override
    public void shares(UUID projectId, List<AffectedUnit> units) {
        jdbc.batchUpdate("UPDATE project_unit SET share_fen = ? WHERE project_id = ? AND unit_id = ?", units, 1000, (ps, u) -> {
            ps.setLong(1, u.shareFen());
            ps.setObject(2, projectId);
            ps.setObject(3, u.unitId());
        });
    }

    @Override
    public void financing(UUID projectId, Financing f) {
        jdbc.update("UPDATE project SET subsidy_fen = ?, floor_coefficients = ? WHERE id = ?", f.subsidyFen(), f.floorCoefficients(), projectId);
    }

    @Override
    public Optional<Financing> financing(UUID projectId) {
        return jdbc.query("SELECT subsidy_fen, floor_coefficients FROM project WHERE id = ? AND subsidy_fen IS NOT NULL",
                (rs, i) -> new Financing(rs.getLong(1), rs.getString(2)), projectId).stream().findFirst();
    }

    @Override
    public java.util.Map<UUID, Long> estimateShares(UUID projectId) {
        java.util.Map<UUID, Long> shares = new java.util.HashMap<>();
        jdbc.query("SELECT unit_id, estimate_share_fen FROM project_unit WHERE project_id = ?",
                rs -> {
                    shares.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }, projectId);
        return shares;
    }

    @Override
    public void paid(UUID projectId, Payment p, String by) {
        jdbc.update("INSERT INTO project_payment (id, project_id, stage, amount_fen, bank_reference, paid_by, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                p.id(), projectId, p.stage().name(), p.amountFen(), p.bankReference(), by, Timestamp.from(p.paidAt()));
    }

    @Override
    public List<Payment> payments(UUID projectId) {
        return jdbc.query("SELECT id, stage, amount_fen, bank_reference, paid_at FROM project_payment WHERE project_id = ? ORDER BY paid_at, id",
                (rs, i) -> new Payment(rs.getObject(1, UUID.class), UseProject.Stage.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), projectId);
    }

    @Override
    public void decided(Decision d, Instant decidedAt) {
        jdbc.update("INSERT INTO decided_resolution (id, community_id, title, matter, outcome, scope, scope_ids, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING", d.resolutionId(), d.communityId(), d.title(), d.matter(), d.outcome(), d.scope(),
                d.scopeIds().toArray(UUID[]::new), Timestamp.from(decidedAt));
    }

    @Override
    public Optional<Decision> decision(UUID resolutionId) {
        return jdbc.query("SELECT id, community_id, title, matter, outcome, scope, scope_ids FROM decided_resolution WHERE id = ?",
                (rs, i) -> new Decision(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Arrays.asList((UUID[]) rs.getArray(7).getArray())), resolutionId).stream().findFirst();
    }

    @Override
    public Set<UUID> unitsOf(Decision d) {
        String sql = switch (d.scope()) {
            case "WHOLE_COMMUNITY" -> "SELECT id FROM unit WHERE community_id = ?";
            case "BUILDINGS" -> "SELECT id FROM unit WHERE community_id = ? AND building_id = ANY(?)";
            default -> "SELECT id FROM unit WHERE community_id = ? AND id = ANY(?)";
        };
        List<UUID> ids = d.scope().equals("WHOLE_COMMUNITY") ? jdbc.queryForList(sql, UUID.class, d.communityId())
                : jdbc.queryForList(sql, UUID.class, d.communityId(), d.scopeIds().toArray(UUID[]::new));
        return new HashSet<>(ids);
    }
}
