package dev.commonhold.bench;

import dev.commonhold.devstack.DemoSpreadsheet;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Bulk onboarding of 3,000 units straight to the community service (no gateway): parse, check, store, outbox. */
final class ImportBenchmark {

    private ImportBenchmark() {
    }

    /** @return units per second of each repeat, best first */
    static List<Double> run(String communityUrl, String operatorToken, int repeats) {
        byte[] sheet = DemoSpreadsheet.csv(50).getBytes(StandardCharsets.UTF_8);
        Api operator = new Api(communityUrl).as(operatorToken);
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            String community = operator.post("/api/community/communities", Map.of("name", "bench-" + r, "city", "北京市",
                    "district", "朝阳区", "divisionCode", "110105")).json().get("id").asString();
            long start = System.nanoTime();
            ApiResponse imported = operator.post("/api/community/communities/" + community + "/imports", sheet, "text/csv");
            double seconds = (System.nanoTime() - start) / 1e9;
            if (imported.status() != 201) {
                throw new IllegalStateException("import failed: " + imported);
            }
            rates.add(imported.json().get("unitsCreated").asInt() / seconds);
        }
        rates.sort(Collections.reverseOrder());
        return rates;
    }
}
