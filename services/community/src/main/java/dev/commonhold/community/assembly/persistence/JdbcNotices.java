package dev.commonhold.community.assembly.persistence;

import dev.commonhold.community.assembly.app.Notices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcNotices implements Notices {

    private final JdbcTemplate jdbc;

    JdbcNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Only for a resolution of this register (a shared broker may carry other deployments' events);
     * a decision once per resolution, however often its event arrives.
     */
    @Override
    public void publish(Notice n) {
        jdbc.update("""
                        INSERT INTO notice (id, community_id, resolution_id, kind, title, body, published_at)
                        SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM resolution WHERE id = ? AND community_id = ?)
                        ON CONFLICT (resolution_id) WHERE kind = 'DECISION' DO NOTHING""",
                n.id(), n.communityId(), n.resolutionId(), n.kind().name(), n.title(), n.body(), Timestamp.from(n.publishedAt()),
                n.resolutionId(), n.communityId());
    }

    @Override
    public List<Notice> list(UUID communityId, int limit) {
        return jdbc.query("SELECT id, community_id, resolution_id, kind, title, body, published_at FROM notice WHERE community_id = ? "
                        + "ORDER BY published_at DESC LIMIT ?",
                (rs, i) -> new Notice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), communityId, limit);
    }
}
