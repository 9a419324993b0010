package dev.commonhold.trust.reconciliation.persistence;

import dev.commonhold.trust.reconciliation.app.BankStatementStore;
import dev.commonhold.trust.reconciliation.domain.BankLine;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcBankStatements implements BankStatementStore {

    private static final String SELECT = """
            SELECT id, position, value_date, description, amount_fen, balance_fen, reference, counterparty, resolution, entry_id, note,
                   resolved_by_name, resolved_at FROM bank_line""";
    private static final RowMapper<Stored> ROW = (rs, i) -> new Stored(rs.getObject(1, UUID.class), rs.getLong(2), rs.getDate(3).toLocalDate(),
            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class),
            rs.getString(11), rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());

    private final JdbcTemplate jdbc;

    JdbcBankStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID communityId) {
        jdbc.queryForList("SELECT id FROM community WHERE id = ? FOR UPDATE", UUID.class, communityId);
    }

    @Override
    public Optional<Stored> last(UUID communityId) {
        return jdbc.query(SELECT + " WHERE community_id = ? ORDER BY position DESC LIMIT 1", ROW, communityId).stream().findFirst();
    }

    @Override
    public Map<String, Stored> byReference(UUID communityId, Collection<String> references) {
        Map<String, Stored> found = new LinkedHashMap<>();
        jdbc.query(SELECT + " WHERE community_id = ? AND reference = ANY (?)", ROW, communityId, references.toArray(String[]::new))
                .forEach(s -> found.put(s.reference(), s));
        return found;
    }

    @Override
    public void insert(UUID communityId, UUID importId, List<BankLine> lines, String fileSha256, String importedBy, Instant at) {
        jdbc.update("INSERT INTO bank_statement_import (id, community_id, file_sha256, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)",
                importId, communityId, fileSha256, importedBy, Timestamp.from(at));
        long next = last(communityId).map(Stored::position).orElse(-1L) + 1;
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (BankLine l : lines) {
            rows.add(new Object[] {Ids.newId(), communityId, importId, next++, Date.valueOf(l.valueDate()), l.description(), l.amountFen(), l.balanceFen(),
                    l.reference(), l.counterparty()});
        }
        jdbc.batchUpdate("""
                INSERT INTO bank_line (id, community_id, import_id, position, value_date, description, amount_fen, balance_fen, reference, counterparty)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @Override
    public List<Stored> lines(UUID communityId, LocalDate until) {
        return jdbc.query(SELECT + " WHERE community_id = ? AND value_date <= ? ORDER BY position", ROW, communityId, Date.valueOf(until));
    }

    @Override
    public Optional<Stored> line(UUID communityId, UUID lineId) {
        return jdbc.query(SELECT + " WHERE community_id = ? AND id = ?", ROW, communityId, lineId).stream().findFirst();
    }

    @Override
    public boolean resolve(UUID communityId, UUID lineId, String resolution, UUID entryId, String note, String by, String byName, Instant at) {
        return jdbc.update("""
                UPDATE bank_line SET resolution = ?, entry_id = ?, note = ?, resolved_by = ?, resolved_by_name = ?, resolved_at = ?
                WHERE community_id = ? AND id = ? AND resolution IS NULL""", resolution, entryId, note, by, byName, Timestamp.from(at), communityId,
                lineId) == 1;
    }

    @Override
    public boolean noteEntry(UUID communityId, UUID entryId, String note, String by, String byName, Instant at) {
        return jdbc.update("""
                INSERT INTO bank_entry_note (community_id, entry_id, note, noted_by, noted_by_name, noted_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (community_id, entry_id) DO NOTHING""", communityId, entryId, note, by, byName, Timestamp.from(at)) == 1;
    }

    @Override
    public Map<UUID, EntryNote> entryNotes(UUID communityId) {
        Map<UUID, EntryNote> notes = new LinkedHashMap<>();
        jdbc.query("SELECT entry_id, note, noted_by_name, noted_at FROM bank_entry_note WHERE community_id = ?",
                (java.sql.ResultSet rs) -> {
                    notes.put(rs.getObject(1, UUID.class), new EntryNote(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }, communityId);
        return notes;
    }
}
