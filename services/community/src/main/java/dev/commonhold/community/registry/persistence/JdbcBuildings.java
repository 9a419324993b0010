package dev.commonhold.community.registry.persistence;

import dev.commonhold.community.registry.app.Buildings;
import dev.commonhold.community.registry.domain.Building;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcBuildings implements Buildings {

    private static final RowMapper<Building> ROW = (rs, i) -> new Building(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3));

    private final JdbcTemplate jdbc;

    JdbcBuildings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<Building> buildings) {
        jdbc.batchUpdate("INSERT INTO building (id, community_id, name) VALUES (?, ?, ?)", buildings, 500, (ps, b) -> {
            ps.setObject(1, b.id());
            ps.setObject(2, b.communityId());
            ps.setString(3, b.name());
        });
    }

    @Override
    public Optional<Building> find(UUID communityId, UUID id) {
        return jdbc.query("SELECT id, community_id, name FROM building WHERE community_id = ? AND id = ?", ROW, communityId, id)
                .stream().findFirst();
    }

    @Override
    public List<Building> ofCommunity(UUID communityId) {
        // Natural order for people: "2" before "10".
        return jdbc.query("""
                SELECT id, community_id, name FROM building WHERE community_id = ?
                ORDER BY length(name), name""", ROW, communityId);
    }
}
