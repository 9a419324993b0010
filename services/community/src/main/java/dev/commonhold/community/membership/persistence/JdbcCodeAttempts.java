package dev.commonhold.community.membership.persistence;

import dev.commonhold.community.membership.app.CodeAttempts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

@Repository
class JdbcCodeAttempts implements CodeAttempts {

    private final JdbcTemplate jdbc;

    JdbcCodeAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockUser(String userId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended('code-attempts:' || ?, 0))", rs -> { }, userId);
    }

    @Override
    public List<Instant> wrongSince(String userId, Instant since) {
        return jdbc.query("SELECT attempted_at FROM code_attempt WHERE user_id = ? AND NOT succeeded AND attempted_at > ? ORDER BY attempted_at",
                (rs, i) -> rs.getTimestamp(1).toInstant(), userId, Timestamp.from(since));
    }

    @Override
    public void record(String userId, Instant at, boolean succeeded) {
        jdbc.update("INSERT INTO code_attempt (user_id, attempted_at, succeeded) VALUES (?, ?, ?)", userId, Timestamp.from(at), succeeded);
    }
}
