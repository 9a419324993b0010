package dev.commonhold.community.membership.persistence;

import dev.commonhold.community.membership.app.AccountSyncQueue;
import dev.commonhold.community.membership.domain.AccountClaims;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Repository
class JdbcAccountSyncQueue implements AccountSyncQueue {

    /**
     * Bound to a unit: owner of record of at least one unit, or living in one (not moved out).
     * On the committee: a member of the community's latest appointed committee whose term covers
     * today in the community's own time zone.
     */
    private static final String CLAIMS = """
            SELECT o.community_id, false FROM owner o WHERE o.user_id = ? AND EXISTS (SELECT 1 FROM unit u WHERE u.owner_id = o.id)
            UNION
            SELECT r.community_id, false FROM resident r WHERE r.user_id = ? AND r.moved_out IS NULL
            UNION
            SELECT c.community_id, true FROM committee_member m JOIN committee c ON c.id = m.committee_id JOIN community k ON k.id = c.community_id
             WHERE m.user_id = ?
               AND c.id = (SELECT id FROM committee WHERE community_id = c.community_id ORDER BY appointed_at DESC LIMIT 1)
               AND (now() AT TIME ZONE k.time_zone)::date BETWEEN c.term_start AND c.term_end""";

    private final JdbcTemplate jdbc;

    JdbcAccountSyncQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Claimed> claimDue(int limit, Duration lease) {
        return jdbc.query("""
                UPDATE account_sync SET due_at = now() + ?::interval
                 WHERE user_id IN (SELECT user_id FROM account_sync WHERE due_at <= now() ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING user_id, version, attempts""",
                (rs, i) -> new Claimed(rs.getString(1), rs.getLong(2), rs.getInt(3)), lease.toSeconds() + " seconds", limit);
    }

    @Override
    public AccountClaims claimsOf(String userId) {
        Set<UUID> resident = new HashSet<>();
        Set<UUID> committee = new HashSet<>();
        jdbc.query(CLAIMS, rs -> {
            (rs.getBoolean(2) ? committee : resident).add(rs.getObject(1, UUID.class));
        }, userId, userId, userId);
        return new AccountClaims(resident, committee);
    }

    @Override
    public void done(Claimed claimed) {
        jdbc.update("DELETE FROM account_sync WHERE user_id = ? AND version = ?", claimed.userId(), claimed.version());
    }

    @Override
    public void retryLater(Claimed claimed, Duration delay, String error) {
        jdbc.update("UPDATE account_sync SET attempts = attempts + 1, due_at = now() + ?::interval, last_error = left(?, 500) WHERE user_id = ? AND version = ?",
                delay.toMillis() + " milliseconds", error, claimed.userId(), claimed.version());
    }

    @Override
    public int queueTermChanges() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT queue_account_sync(m.user_id) FROM committee_member m JOIN committee c ON c.id = m.committee_id
                      JOIN community k ON k.id = c.community_id
                     WHERE m.user_id IS NOT NULL
                       AND ((now() AT TIME ZONE k.time_zone)::date - c.term_start BETWEEN 0 AND 1
                         OR (now() AT TIME ZONE k.time_zone)::date - c.term_end BETWEEN 1 AND 2)) queued""", Integer.class);
    }

    @Override
    public boolean isQueued(String userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account_sync WHERE user_id = ?)", Boolean.class, userId));
    }

    @Override
    public Backlog backlog() {
        return jdbc.queryForObject("SELECT count(*), coalesce(extract(epoch FROM now() - min(queued_at)), 0) FROM account_sync",
                (rs, i) -> new Backlog(rs.getInt(1), Duration.ofMillis((long) (rs.getDouble(2) * 1000))));
    }
}
