package dev.commonhold.community.membership.persistence;

import dev.commonhold.community.membership.app.BindingLog;
import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.registry.domain.Resident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcBindingLog implements BindingLog {

    private final JdbcTemplate jdbc;

    JdbcBindingLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(List<BindingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO binding_event (id, community_id, unit_id, user_id, action, relation, via, reference_id, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", events.stream().map(e -> new Object[]{e.id(), e.communityId(), e.unitId(), e.userId(),
                e.action().name(), e.relation().name(), e.via().name(), e.referenceId(), e.decidedBy(), Timestamp.from(e.decidedAt())}).toList());
    }

    @Override
    public List<BindingEvent> ofCommunity(UUID communityId, UUID after, int limit) {
        return jdbc.query("""
                SELECT id, community_id, unit_id, user_id, action, relation, via, reference_id, decided_by, decided_at FROM binding_event
                 WHERE community_id = ? AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?""",
                (rs, i) -> new BindingEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        BindingEvent.Action.valueOf(rs.getString(5)), Resident.Relation.valueOf(rs.getString(6)), BindingEvent.Via.valueOf(rs.getString(7)),
                        rs.getObject(8, UUID.class), rs.getString(9), rs.getTimestamp(10).toInstant()), communityId, after, after, limit);
    }
}
