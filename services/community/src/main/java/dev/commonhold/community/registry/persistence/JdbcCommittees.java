package dev.commonhold.community.registry.persistence;

import dev.commonhold.community.registry.app.Committees;
import dev.commonhold.community.registry.domain.Committee;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

@Repository
class JdbcCommittees implements Committees {

    private final JdbcTemplate jdbc;

    JdbcCommittees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Committee committee, String appointedBy) {
        UUID id = Ids.newId();
        jdbc.update("INSERT INTO committee (id, community_id, kind, term_start, term_end, appointed_by) VALUES (?, ?, ?, ?, ?, ?)",
                id, committee.communityId(), committee.kind().name(), committee.termStart(), committee.termEnd(), appointedBy);
        List<Committee.Member> members = committee.members();
        jdbc.batchUpdate("INSERT INTO committee_member (id, committee_id, position, name, role, owner_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                IntStream.range(0, members.size()).boxed().toList(), 100, (ps, i) -> {
                    Committee.Member m = members.get(i);
                    ps.setObject(1, m.id());
                    ps.setObject(2, id);
                    ps.setInt(3, i);
                    ps.setString(4, m.name());
                    ps.setString(5, m.role().name());
                    ps.setObject(6, m.ownerId());
                    ps.setString(7, m.userId());
                });
    }

    @Override
    public Optional<Committee> current(UUID communityId) {
        record Term(UUID id, Committee.Kind kind, LocalDate start, LocalDate end) {
        }
        return jdbc.query("""
                        SELECT id, kind, term_start, term_end FROM committee WHERE community_id = ?
                        ORDER BY appointed_at DESC LIMIT 1""",
                (rs, i) -> new Term(rs.getObject(1, UUID.class), Committee.Kind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)), communityId)
                .stream().findFirst()
                .map(term -> new Committee(communityId, term.kind(), term.start(), term.end(), jdbc.query("""
                                SELECT id, name, role, owner_id, user_id FROM committee_member WHERE committee_id = ? ORDER BY position""",
                        (rs, i) -> new Committee.Member(rs.getObject(1, UUID.class), rs.getString(2), Committee.Role.valueOf(rs.getString(3)),
                                rs.getObject(4, UUID.class), rs.getString(5)), term.id())));
    }
}
