package dev.commonhold.community.registry.messaging;

import dev.commonhold.community.registry.app.RegistryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Publishes the state of every community and unit registered before {@code community.state}
 * existed, once, in pages; a crash part-way publishes some states again, which a compacted
 * topic of whole states absorbs.
 */
@Component
class StateBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StateBackfill.class);
    private static final int PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegistryState state;

    StateBackfill(JdbcTemplate jdbc, TransactionTemplate transaction, RegistryState state) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.state = state;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForList("SELECT 1 FROM state_backfill WHERE done_at IS NULL", Integer.class).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(s -> {
            List<UUID> communities = jdbc.queryForList("SELECT id FROM community", UUID.class);
            state.communitiesChanged(communities);
            state.committeesChanged(communities);
        });
        long units = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<UUID> page = jdbc.queryForList("SELECT id FROM unit WHERE id > ? ORDER BY id LIMIT ?", UUID.class, from, PAGE);
            if (page.isEmpty()) {
                break;
            }
            transaction.executeWithoutResult(s -> state.unitsChanged(page));
            units += page.size();
            after = page.getLast();
        }
        jdbc.update("UPDATE state_backfill SET done_at = now()");
        log.info("published the state of {} existing units to community.state", units);
    }
}
