package dev.commonhold.trust.objections.persistence;

import dev.commonhold.trust.objections.app.ObjectionStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcObjections implements ObjectionStore {

    private static final String SELECT = "SELECT id, entry_id, question, raised_by_name, raised_at, answer, answered_at FROM objection";
    private static final RowMapper<Stored> ROW = (rs, i) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());

    private final JdbcTemplate jdbc;

    JdbcObjections(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UUID id, UUID communityId, UUID entryId, String question, String raisedBy, String raisedByName, Instant at) {
        jdbc.update("INSERT INTO objection (id, community_id, entry_id, question, raised_by, raised_by_name, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, communityId, entryId, question, raisedBy, raisedByName, Timestamp.from(at));
    }

    @Override
    public boolean answer(UUID communityId, UUID id, String answer, String by, Instant at) {
        return jdbc.update("UPDATE objection SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND community_id = ? AND answer IS NULL",
                answer, by, Timestamp.from(at), id, communityId) == 1;
    }

    @Override
    public Optional<Stored> find(UUID communityId, UUID id) {
        return jdbc.query(SELECT + " WHERE community_id = ? AND id = ?", ROW, communityId, id).stream().findFirst();
    }

    @Override
    public List<Stored> list(UUID communityId) {
        return jdbc.query(SELECT + " WHERE community_id = ? ORDER BY (answer IS NULL) DESC, raised_at", ROW, communityId);
    }
}
