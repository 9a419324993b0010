package dev.commonhold.fund.accounts.persistence;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interest ties go to the unit id that sorts first (F2), and the weighing sorts in Java ({@link Ids#DATABASE_ORDER}): its order
 * must be PostgreSQL's, for time-ordered ids and for any other (a register's ids may come from elsewhere).
 */
@IntegrationTest
class UuidOrderIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void javasOrderOfUnitIdsIsPostgresqls() {
        Random random = new Random(20261202);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
            ids.add(Ids.newId());
        }
        ids.add(new UUID(Long.MIN_VALUE, 0));
        ids.add(new UUID(Long.MAX_VALUE, -1));
        ids.add(new UUID(0, Long.MIN_VALUE));
        ids.add(new UUID(0, Long.MAX_VALUE));

        List<UUID> postgres = jdbc.queryForList("SELECT u FROM unnest(?::uuid[]) u ORDER BY u", UUID.class, (Object) ids.toArray(UUID[]::new));
        List<UUID> java = new ArrayList<>(ids);
        java.sort(Ids.DATABASE_ORDER);

        assertThat(java).containsExactlyElementsOf(postgres);
        List<UUID> signed = new ArrayList<>(ids);
        signed.sort(UUID::compareTo);
        assertThat(signed).as("UUID.compareTo is not that order").isNotEqualTo(postgres);
    }
}
