package dev.commonhold.community.registry.persistence;

import dev.commonhold.community.registry.app.Residents;
import dev.commonhold.community.registry.domain.Resident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcResidents implements Residents {

    private static final String COLUMNS = "id, community_id, unit_id, name, relation, phone, user_id, moved_in, moved_out";
    private static final RowMapper<Resident> ROW = (rs, i) -> new Resident(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), Resident.Relation.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
            rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class));

    private final JdbcTemplate jdbc;

    JdbcResidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Resident r) {
        jdbc.update("INSERT INTO resident (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.communityId(), r.unitId(),
                r.name(), r.relation().name(), r.phone(), r.userId(), r.movedIn(), r.movedOut());
    }

    @Override
    public List<Resident> list(UUID communityId, UUID after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resident WHERE community_id = ? AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ?",
                ROW, communityId, after, after, limit);
    }

    @Override
    public List<Resident> ofUser(UUID communityId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resident WHERE community_id = ? AND user_id = ? AND moved_out IS NULL ORDER BY id",
                ROW, communityId, userId);
    }

    @Override
    public java.util.Optional<Resident> lock(UUID communityId, UUID residentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resident WHERE community_id = ? AND id = ? FOR UPDATE", ROW, communityId, residentId)
                .stream().findFirst();
    }

    @Override
    public void moveOut(UUID residentId, LocalDate on) {
        jdbc.update("UPDATE resident SET moved_out = ? WHERE id = ?", on, residentId);
    }

    @Override
    public List<Resident> livingIn(UUID unitId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resident WHERE unit_id = ? AND moved_out IS NULL ORDER BY id", ROW, unitId);
    }

    @Override
    public List<Resident> ofUserEverywhere(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resident WHERE user_id = ? AND moved_out IS NULL ORDER BY community_id, id", ROW, userId);
    }
}
