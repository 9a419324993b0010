package dev.commonhold.community.membership.persistence;

import dev.commonhold.community.membership.app.Invitations;
import dev.commonhold.community.membership.domain.Invitation;
import dev.commonhold.community.registry.domain.Resident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcInvitations implements Invitations {

    private static final String COLUMNS = "id, community_id, unit_id, kind, issued_at, issued_by, expires_at, revoked_at, revoked_by, redeemed_at, redeemed_by";
    private static final RowMapper<Invitation> ROW = (rs, i) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), Resident.Relation.valueOf(rs.getString(4)), instant(rs.getTimestamp(5)), rs.getString(6),
            instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9), instant(rs.getTimestamp(10)), rs.getString(11));

    private final JdbcTemplate jdbc;

    JdbcInvitations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Invitation i, byte[] codeSha256) {
        jdbc.update("INSERT INTO invitation (id, community_id, unit_id, kind, code_sha256, issued_at, issued_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                i.id(), i.communityId(), i.unitId(), i.kind().name(), codeSha256, Timestamp.from(i.issuedAt()), i.issuedBy(), Timestamp.from(i.expiresAt()));
    }

    @Override
    public Optional<Invitation> lockByCode(byte[] codeSha256) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invitation WHERE code_sha256 = ? FOR UPDATE", ROW, codeSha256).stream().findFirst();
    }

    @Override
    public Optional<Invitation> lock(UUID communityId, UUID invitationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invitation WHERE community_id = ? AND id = ? FOR UPDATE", ROW, communityId, invitationId)
                .stream().findFirst();
    }

    @Override
    public void update(Invitation i) {
        jdbc.update("UPDATE invitation SET revoked_at = ?, revoked_by = ?, redeemed_at = ?, redeemed_by = ? WHERE id = ?",
                timestamp(i.revokedAt()), i.revokedBy(), timestamp(i.redeemedAt()), i.redeemedBy(), i.id());
    }

    @Override
    public int revokeActiveOwnerCodes(UUID unitId, Instant now, String by) {
        return jdbc.update("""
                UPDATE invitation SET revoked_at = ?, revoked_by = ?
                 WHERE unit_id = ? AND kind = 'OWNER' AND revoked_at IS NULL AND redeemed_at IS NULL AND expires_at > ?""",
                Timestamp.from(now), by, unitId, Timestamp.from(now));
    }

    @Override
    public List<Invitation> list(UUID communityId, UUID unitId, UUID after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invitation WHERE community_id = ? AND (?::uuid IS NULL OR unit_id = ?::uuid)"
                + " AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?", ROW, communityId, unitId, unitId, after, after, limit);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
