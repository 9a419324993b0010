package dev.commonhold.franchise.oversight.app;

import dev.commonhold.platform.money.Allocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A share split among the covered communities by the revenue each brought in (largest remainder, in the agreement's order on a tie); equally when none did. */
final class Split {

    private Split() {
    }

    static Map<UUID, Long> byRevenue(long totalFen, List<UUID> communities, Map<UUID, Long> revenue) {
        long[] weights = communities.stream().mapToLong(c -> Math.max(0, revenue.getOrDefault(c, 0L))).toArray();
        if (java.util.Arrays.stream(weights).sum() == 0) {
            java.util.Arrays.fill(weights, 1);
        }
        long[] parts = Allocation.largestRemainder(Math.max(0, totalFen), weights);
        Map<UUID, Long> split = new LinkedHashMap<>();
        for (int i = 0; i < communities.size(); i++) {
            split.put(communities.get(i), parts[i]);
        }
        return split;
    }
}
