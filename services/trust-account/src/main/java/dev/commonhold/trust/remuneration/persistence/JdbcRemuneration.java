package dev.commonhold.trust.remuneration.persistence;

import dev.commonhold.trust.remuneration.app.RemunerationStore;
import dev.commonhold.trust.remuneration.domain.RemunerationContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcRemuneration implements RemunerationStore {

    private static final String COLUMNS = "id, kind, fixed_fen, basis_points, cap_fen, proposed_by, proposed_at, confirmed_by_name, confirmed_at";
    private static final RowMapper<Terms> TERMS = (rs, i) -> new Terms(rs.getObject(1, UUID.class),
            new RemunerationContract(RemunerationContract.Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getInt(4), rs.getLong(5)), rs.getString(6),
            rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());

    private final JdbcTemplate jdbc;

    JdbcRemuneration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void propose(UUID id, UUID communityId, RemunerationContract c, String by, Instant at) {
        jdbc.update("INSERT INTO remuneration_terms (id, community_id, kind, fixed_fen, basis_points, cap_fen, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, communityId, c.kind().name(), c.fixedFen(), c.basisPoints(), c.capFen(), by, Timestamp.from(at));
    }

    @Override
    public boolean confirm(UUID communityId, UUID id, String memberName, Instant at) {
        return jdbc.update("""
                UPDATE remuneration_terms SET confirmed_by_name = ?, confirmed_at = ? WHERE id = ? AND community_id = ? AND confirmed_at IS NULL
                  AND id = (SELECT id FROM remuneration_terms WHERE community_id = ? ORDER BY proposed_at DESC, id DESC LIMIT 1)""",
                memberName, Timestamp.from(at), id, communityId, communityId) == 1;
    }

    @Override
    public List<Terms> current(UUID communityId) {
        List<Terms> out = new ArrayList<>();
        inForce(communityId).ifPresent(out::add);
        jdbc.query("SELECT " + COLUMNS + " FROM remuneration_terms WHERE community_id = ? AND confirmed_at IS NULL ORDER BY proposed_at DESC, id DESC LIMIT 1",
                TERMS, communityId).stream().filter(t -> out.isEmpty() || t.proposedAt().isAfter(out.getFirst().proposedAt())).forEach(out::add);
        return out;
    }

    @Override
    public Optional<Terms> inForce(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM remuneration_terms WHERE community_id = ? AND confirmed_at IS NOT NULL ORDER BY confirmed_at DESC LIMIT 1",
                TERMS, communityId).stream().findFirst();
    }
}
