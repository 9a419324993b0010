package dev.commonhold.platform.web.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The idempotency_record table; every call joins the request's transaction. */
public class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final Duration retention;

    public IdempotencyStore(JdbcTemplate jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * Claims the key for this request. Blocks while another transaction holds the same key, so a
     * concurrent retry waits for the first attempt instead of running alongside it.
     *
     * @return false if the key was already used (its answer, or a conflicting request, is stored)
     */
    boolean claim(String scope, String key, String fingerprint) {
        if (ThreadLocalRandom.current().nextInt(1000) == 0) {
            jdbc.update("DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?)", retention.toSeconds());
        }
        return jdbc.update("""
                INSERT INTO idempotency_record (scope, idempotency_key, fingerprint) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", scope, key, fingerprint) == 1;
    }

    Optional<StoredResponse> find(String scope, String key) {
        return jdbc.query("""
                        SELECT fingerprint, status, content_type, location, body FROM idempotency_record
                        WHERE scope = ? AND idempotency_key = ?""",
                (rs, i) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
                scope, key).stream().findFirst();
    }

    void complete(String scope, String key, StoredResponse response) {
        jdbc.update("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, body = ?
                        WHERE scope = ? AND idempotency_key = ?""",
                response.status(), response.contentType(), response.location(), response.body(), scope, key);
    }
}
