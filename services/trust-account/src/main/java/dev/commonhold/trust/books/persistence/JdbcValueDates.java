package dev.commonhold.trust.books.persistence;

import dev.commonhold.trust.books.app.ValueDates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@Repository
class JdbcValueDates implements ValueDates {

    private final JdbcTemplate jdbc;

    JdbcValueDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordAll(UUID communityId, Map<UUID, LocalDate> valueDates) {
        if (valueDates.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO entry_value_date (entry_id, community_id, value_date) SELECT unnest(?::uuid[]), ?, unnest(?::date[])
                ON CONFLICT (entry_id) DO NOTHING""", valueDates.keySet().toArray(UUID[]::new), communityId,
                valueDates.values().stream().map(LocalDate::toString).toArray(String[]::new));
    }

    @Override
    public Map<UUID, LocalDate> of(UUID communityId, Collection<UUID> entryIds) {
        Map<UUID, LocalDate> dates = new HashMap<>();
        jdbc.query("SELECT entry_id, value_date FROM entry_value_date WHERE community_id = ? AND entry_id = ANY (?)",
                (ResultSet rs) -> {
                    dates.put(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate());
                }, communityId, entryIds.toArray(UUID[]::new));
        return dates;
    }
}
