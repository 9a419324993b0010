package dev.commonhold.platform.ids;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsAreVersionSevenAndSortInCreationOrder() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            created.add(Ids.newId());
        }

        assertThat(created).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(new HashSet<>(created)).hasSize(created.size());
        // String order is what PostgreSQL's uuid comparison and our cursors use.
        assertThat(created.stream().map(UUID::toString).toList()).isSorted();
    }
}
