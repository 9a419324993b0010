package dev.commonhold.community.assembly.persistence;

import dev.commonhold.community.assembly.app.Resolutions;
import dev.commonhold.community.assembly.domain.Electorate;
import dev.commonhold.community.assembly.domain.Matter;
import dev.commonhold.community.assembly.domain.Outcome;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.Tally;
import dev.commonhold.community.assembly.domain.Voter;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

@Repository
class JdbcResolutions implements Resolutions {

    private static final String COLUMNS = "id, community_id, title, description, matter, scope, closes_at, status, opened_at, "
            + "non_voters_count_as_approving, decided_at, outcome";

    private final JdbcTemplate jdbc;

    JdbcResolutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Resolution r, String createdBy) {
        jdbc.update("INSERT INTO resolution (id, community_id, title, description, matter, scope, status, closes_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.communityId(), r.title(), r.description(), r.matter().name(),
                r.scope().kind().name(), r.status().name(), Timestamp.from(r.closesAt()), createdBy);
        jdbc.batchUpdate("INSERT INTO resolution_scope (resolution_id, ref_id) VALUES (?, ?)", r.scope().ids(), 100,
                (ps, id) -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, id);
                });
        List<Resolution.Document> documents = r.documents();
        jdbc.batchUpdate("INSERT INTO resolution_document (resolution_id, position, name, sha256) VALUES (?, ?, ?, ?)",
                IntStream.range(0, documents.size()).boxed().toList(), 100, (ps, i) -> {
                    ps.setObject(1, r.id());
                    ps.setInt(2, i);
                    ps.setString(3, documents.get(i).name());
                    ps.setString(4, documents.get(i).sha256());
                });
    }

    @Override
    public Optional<Resolution> find(UUID communityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM resolution WHERE community_id = ? AND id = ?", communityId, id);
    }

    @Override
    public Optional<Resolution> lock(UUID communityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM resolution WHERE community_id = ? AND id = ? FOR UPDATE", communityId, id);
    }

    @Override
    public Optional<Resolution> lockForBallot(UUID communityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM resolution WHERE community_id = ? AND id = ? FOR SHARE", communityId, id);
    }

    @Override
    public void opened(Resolution r, Electorate electorate, List<Electorate.Holding> units, String openedBy) {
        jdbc.update("""
                        UPDATE resolution SET status = ?, opened_at = ?, opened_by = ?, non_voters_count_as_approving = ?,
                        electorate_area_centi = ?, electorate_owners = ? WHERE id = ?""",
                r.status().name(), Timestamp.from(r.openedAt()), openedBy, r.nonVotersApprove(), electorate.totalArea(),
                electorate.totalOwners(), r.id());
        jdbc.batchUpdate("INSERT INTO electorate_voter (resolution_id, owner_id, owner_kind, owner_name, area_centi, units) VALUES (?, ?, ?, ?, ?, ?)",
                electorate.voters(), 1000, (ps, v) -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, v.ownerId());
                    ps.setString(3, v.ownerKind());
                    ps.setString(4, v.name());
                    ps.setLong(5, v.areaCentiSquareMetres());
                    ps.setInt(6, v.units());
                });
        jdbc.batchUpdate("INSERT INTO electorate_unit (resolution_id, unit_id, owner_id, area_centi) VALUES (?, ?, ?, ?)", units, 1000,
                (ps, u) -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, u.unitId());
                    ps.setObject(3, u.ownerId());
                    ps.setLong(4, u.areaCentiSquareMetres());
                });
    }

    @Override
    public void decided(Resolution r, Tally tally, String tallyJson, String decidedBy) {
        jdbc.update("UPDATE resolution SET status = ?, decided_at = ?, decided_by = ?, outcome = ?, tally = ? WHERE id = ?",
                r.status().name(), Timestamp.from(r.decidedAt()), decidedBy, r.outcome().name(), tallyJson, r.id());
    }

    @Override
    public void extended(Resolution.Extension e, Instant at, String by) {
        Resolution r = e.resolution();
        jdbc.update("UPDATE resolution SET closes_at = ? WHERE id = ?", Timestamp.from(r.closesAt()), r.id());
        jdbc.update("INSERT INTO resolution_extension (id, resolution_id, previous_closes_at, closes_at, reason, extended_at, extended_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Ids.newId(), r.id(), Timestamp.from(e.previousClosesAt()),
                Timestamp.from(r.closesAt()), e.reason(), Timestamp.from(at), by);
    }

    @Override
    public List<WindowExtension> extensions(UUID resolutionId) {
        return jdbc.query("SELECT previous_closes_at, closes_at, reason, extended_at, extended_by FROM resolution_extension "
                        + "WHERE resolution_id = ? ORDER BY id", (rs, i) -> new WindowExtension(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)), resolutionId);
    }

    @Override
    public List<Resolution> list(UUID communityId, UUID after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resolution WHERE community_id = ? AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?",
                this::resolution, communityId, after, after, limit);
    }

    @Override
    public List<Resolution> lockDue(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resolution WHERE status = 'OPEN' AND closes_at <= ? ORDER BY closes_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED", this::resolution, Timestamp.from(now), limit);
    }

    @Override
    public Electorate electorate(UUID resolutionId) {
        return new Electorate(jdbc.query("SELECT owner_id, owner_kind, owner_name, area_centi, units FROM electorate_voter "
                        + "WHERE resolution_id = ? ORDER BY owner_id",
                (rs, i) -> new Voter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5)), resolutionId));
    }

    @Override
    public List<Electorate.Holding> holdings(UUID communityId, Resolution.Scope scope) {
        String filter = switch (scope.kind()) {
            case WHOLE_COMMUNITY -> "";
            case BUILDINGS -> " AND u.building_id = ANY(?)";
            case UNITS -> " AND u.id = ANY(?)";
        };
        Object[] args = scope.kind() == Resolution.Scope.Kind.WHOLE_COMMUNITY ? new Object[]{communityId}
                : new Object[]{communityId, scope.ids().toArray(UUID[]::new)};
        return jdbc.query("SELECT u.id, o.id, o.kind, o.name, u.exclusive_area_centi FROM unit u JOIN owner o ON o.id = u.owner_id "
                        + "WHERE u.community_id = ?" + filter + " ORDER BY u.id",
                (rs, i) -> new Electorate.Holding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5)), args);
    }

    @Override
    public boolean hasVoter(UUID resolutionId, UUID ownerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM electorate_voter WHERE resolution_id = ? AND owner_id = ?)",
                Boolean.class, resolutionId, ownerId));
    }

    @Override
    public List<UUID> votersOfUser(UUID resolutionId, String userId) {
        return jdbc.queryForList("""
                SELECT v.owner_id FROM electorate_voter v JOIN owner o ON o.id = v.owner_id
                WHERE v.resolution_id = ? AND o.user_id = ? ORDER BY v.owner_id""", UUID.class, resolutionId, userId);
    }

    private Optional<Resolution> one(String sql, Object... args) {
        return jdbc.query(sql, this::resolution, args).stream().findFirst();
    }

    private Resolution resolution(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Resolution.Scope scope = new Resolution.Scope(Resolution.Scope.Kind.valueOf(rs.getString("scope")),
                jdbc.queryForList("SELECT ref_id FROM resolution_scope WHERE resolution_id = ? ORDER BY ref_id", UUID.class, id));
        List<Resolution.Document> documents = jdbc.query("SELECT name, sha256 FROM resolution_document WHERE resolution_id = ? ORDER BY position",
                (d, i) -> new Resolution.Document(d.getString(1), d.getString(2)), id);
        return new Resolution(id, rs.getObject("community_id", UUID.class), rs.getString("title"), rs.getString("description"),
                Matter.valueOf(rs.getString("matter")), scope, documents, instant(rs, "closes_at"), Resolution.Status.valueOf(rs.getString("status")),
                instant(rs, "opened_at"), rs.getBoolean("non_voters_count_as_approving"), instant(rs, "decided_at"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
