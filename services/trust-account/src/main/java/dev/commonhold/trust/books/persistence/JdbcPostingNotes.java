package dev.commonhold.trust.books.persistence;

import dev.commonhold.trust.books.app.PostingNotes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.UUID;

@Repository
class JdbcPostingNotes implements PostingNotes {

    private final JdbcTemplate jdbc;

    JdbcPostingNotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void note(String source, UUID communityId, Kind kind, String revenueClass, long amountFen, String detail) {
        jdbc.update("""
                INSERT INTO posting_note (source, community_id, kind, revenue_class, amount_fen, detail) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source) DO NOTHING""", source, communityId, kind.name(), revenueClass, amountFen, detail);
    }
}
