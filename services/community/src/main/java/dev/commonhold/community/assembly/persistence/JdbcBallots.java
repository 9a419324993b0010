package dev.commonhold.community.assembly.persistence;

import dev.commonhold.community.assembly.app.Ballots;
import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Choice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ballots are only ever inserted (a trigger refuses updates and deletes); UUIDv7 ids order them in time. */
@Repository
class JdbcBallots implements Ballots {

    private static final String COLUMNS = "id, resolution_id, owner_id, choice, channel, cast_at, cast_by, evidence";
    private static final RowMapper<Ballot> ROW = (rs, i) -> new Ballot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), Choice.valueOf(rs.getString(4)), Ballot.Channel.valueOf(rs.getString(5)),
            rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8));

    private final JdbcTemplate jdbc;

    JdbcBallots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(Ballot b) {
        jdbc.update("INSERT INTO ballot (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", b.id(), b.resolutionId(), b.ownerId(),
                b.choice().name(), b.channel().name(), Timestamp.from(b.castAt()), b.castBy(), b.evidence());
    }

    @Override
    public Map<UUID, Choice> latest(UUID resolutionId) {
        Map<UUID, Choice> latest = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (owner_id) owner_id, choice FROM ballot WHERE resolution_id = ? ORDER BY owner_id, id DESC",
                rs -> {
                    latest.put(rs.getObject(1, UUID.class), Choice.valueOf(rs.getString(2)));
                }, resolutionId);
        return latest;
    }

    @Override
    public List<Ballot> all(UUID resolutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ballot WHERE resolution_id = ? ORDER BY id", ROW, resolutionId);
    }

    @Override
    public List<Ballot> history(UUID resolutionId, List<UUID> ownerIds) {
        return ownerIds.isEmpty() ? List.of() : jdbc.query("SELECT " + COLUMNS + " FROM ballot WHERE resolution_id = ? AND owner_id = ANY(?) ORDER BY id",
                ROW, resolutionId, ownerIds.toArray(UUID[]::new));
    }
}
