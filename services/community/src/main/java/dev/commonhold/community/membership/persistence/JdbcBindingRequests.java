package dev.commonhold.community.membership.persistence;

import dev.commonhold.community.membership.app.BindingRequests;
import dev.commonhold.community.membership.domain.BindingRequest;
import dev.commonhold.community.registry.domain.Resident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcBindingRequests implements BindingRequests {

    private static final String COLUMNS = "id, community_id, unit_id, user_id, relation, name, phone, note, requested_at, status, decided_at, "
            + "decided_by, decided_as, reason";
    private static final RowMapper<BindingRequest> ROW = (rs, i) -> new BindingRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), Resident.Relation.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getTimestamp(9).toInstant(), BindingRequest.Status.valueOf(rs.getString(10)),
            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12),
            rs.getString(13) == null ? null : BindingRequest.Decider.valueOf(rs.getString(13)), rs.getString(14));

    private final JdbcTemplate jdbc;

    JdbcBindingRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(BindingRequest r) {
        jdbc.update("INSERT INTO binding_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)",
                r.id(), r.communityId(), r.unitId(), r.userId(), r.relation().name(), r.name(), r.phone(), r.note(),
                Timestamp.from(r.requestedAt()), r.status().name());
    }

    @Override
    public Optional<BindingRequest> lock(UUID requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM binding_request WHERE id = ? FOR UPDATE", ROW, requestId).stream().findFirst();
    }

    @Override
    public void update(BindingRequest r) {
        jdbc.update("UPDATE binding_request SET status = ?, decided_at = ?, decided_by = ?, decided_as = ?, reason = ? WHERE id = ?",
                r.status().name(), r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()), r.decidedBy(),
                r.decidedAs() == null ? null : r.decidedAs().name(), r.reason(), r.id());
    }

    @Override
    public boolean pendingFor(String userId, UUID unitId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM binding_request WHERE user_id = ? AND unit_id = ? AND status = 'PENDING')",
                Boolean.class, userId, unitId));
    }

    @Override
    public int pendingOf(String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM binding_request WHERE user_id = ? AND status = 'PENDING'", Integer.class, userId);
    }

    @Override
    public List<BindingRequest> ofUser(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM binding_request WHERE user_id = ? ORDER BY requested_at DESC LIMIT 100", ROW, userId);
    }

    @Override
    public List<BindingRequest> ofCommunity(UUID communityId, Collection<UUID> unitIds, BindingRequest.Status status, UUID after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM binding_request WHERE community_id = ? AND (?::uuid[] IS NULL OR unit_id = ANY(?::uuid[]))"
                        + " AND (?::text IS NULL OR status = ?::text) AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?", ROW,
                communityId, array(unitIds), array(unitIds), status == null ? null : status.name(), status == null ? null : status.name(), after, after, limit);
    }

    private static UUID[] array(Collection<UUID> ids) {
        return ids == null ? null : ids.toArray(UUID[]::new);
    }
}
