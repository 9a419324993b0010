package dev.commonhold.community.registry.persistence;

import dev.commonhold.community.registry.app.Owners;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.OwnerKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@Repository
class JdbcOwners implements Owners {

    private static final String COLUMNS = "id, community_id, kind, name, phone, external_ref, user_id";
    private static final RowMapper<Owner> ROW = (rs, i) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            OwnerKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));

    private final JdbcTemplate jdbc;

    JdbcOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<Owner> owners) {
        jdbc.batchUpdate("INSERT INTO owner (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", owners, 1000, (ps, o) -> {
            ps.setObject(1, o.id());
            ps.setObject(2, o.communityId());
            ps.setString(3, o.kind().name());
            ps.setString(4, o.name());
            ps.setString(5, o.phone());
            ps.setString(6, o.externalRef());
            ps.setString(7, o.userId());
        });
    }

    @Override
    public Optional<Owner> find(UUID communityId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM owner WHERE community_id = ? AND id = ?", ROW, communityId, id).stream().findFirst();
    }

    @Override
    public boolean referenceUsed(UUID communityId, String externalRef) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM owner WHERE community_id = ? AND external_ref = ?)",
                Boolean.class, communityId, externalRef));
    }

    @Override
    public Map<String, Owner> byReference(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM owner WHERE community_id = ? AND external_ref IS NOT NULL", ROW, communityId)
                .stream().collect(Collectors.toMap(Owner::externalRef, o -> o));
    }

    @Override
    public void linkAccount(Owner owner) {
        jdbc.update("UPDATE owner SET user_id = ? WHERE id = ?", owner.userId(), owner.id());
    }

    @Override
    public List<Owner> list(UUID communityId, UUID after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM owner WHERE community_id = ? AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?",
                ROW, communityId, after, after, limit);
    }

    @Override
    public boolean linkAccountIfNone(Owner owner) {
        return jdbc.update("UPDATE owner SET user_id = ? WHERE id = ? AND user_id IS NULL", owner.userId(), owner.id()) == 1;
    }

    @Override
    public List<Owner> ofUserEverywhere(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM owner WHERE user_id = ? ORDER BY community_id, id", ROW, userId);
    }

    @Override
    public List<Owner> ofUser(UUID communityId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM owner WHERE community_id = ? AND user_id = ? ORDER BY id", ROW, communityId, userId);
    }
}
