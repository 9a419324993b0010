package dev.commonhold.leasing.spaces.persistence;

import dev.commonhold.leasing.spaces.app.SpaceStore;
import dev.commonhold.leasing.spaces.domain.Ownership;
import dev.commonhold.leasing.spaces.domain.Space;
import dev.commonhold.leasing.spaces.domain.SpaceKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
class JdbcSpaces implements SpaceStore {

    private static final String COLUMNS = "id, community_id, code, name, kind, ownership, area_centi_m2, franchise_reference, civil_defence_approval, "
            + "civil_defence_expires_on, condition, photo_sha256";
    private static final RowMapper<Space> SPACE = (rs, i) -> {
        String approval = rs.getString(9);
        return new Space(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                SpaceKind.valueOf(rs.getString(5)), Ownership.valueOf(rs.getString(6)), rs.getLong(7), rs.getString(8),
                approval == null ? null : new Space.CivilDefenceApproval(approval, rs.getObject(10, LocalDate.class)), rs.getString(11),
                Arrays.asList((String[]) rs.getArray(12).getArray()));
    };

    private final JdbcTemplate jdbc;

    JdbcSpaces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Space s) {
        Space.CivilDefenceApproval approval = s.civilDefenceApproval();
        return jdbc.update("INSERT INTO space (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (community_id, code) DO NOTHING",
                s.id(), s.communityId(), s.code(), s.name(), s.kind().name(), s.ownership().name(), s.areaCentiM2(), s.franchiseReference(),
                approval == null ? null : approval.number(), approval == null ? null : Date.valueOf(approval.expiresOn()), s.condition(),
                s.photoSha256().toArray(String[]::new)) == 1;
    }

    @Override
    public Optional<Space> find(UUID communityId, UUID spaceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM space WHERE id = ? AND community_id = ?", SPACE, spaceId, communityId).stream().findFirst();
    }

    @Override
    public List<Space> list(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM space WHERE community_id = ? ORDER BY code", SPACE, communityId);
    }

    @Override
    public List<Space> lock(UUID communityId, Collection<UUID> spaceIds) {
        return jdbc.query("SELECT " + COLUMNS + " FROM space WHERE community_id = ? AND id = ANY(?) ORDER BY id FOR UPDATE", SPACE, communityId,
                spaceIds.toArray(UUID[]::new));
    }

    @Override
    public boolean addPhoto(UUID spaceId, String sha256) {
        return jdbc.update("UPDATE space SET photo_sha256 = photo_sha256 || ?::text WHERE id = ? AND NOT (? = ANY(photo_sha256))",
                sha256, spaceId, sha256) == 1;
    }

    @Override
    public Set<UUID> leasedOn(UUID communityId, LocalDate day) {
        return new HashSet<>(jdbc.queryForList("SELECT ls.space_id FROM lease l JOIN lease_space ls ON ls.lease_id = l.id WHERE l.community_id = ? "
                + "AND l.status = 'ACTIVE' AND l.start_on <= ? AND COALESCE(l.ended_on, l.end_on) >= ?", UUID.class,
                communityId, Date.valueOf(day), Date.valueOf(day)));
    }
}
