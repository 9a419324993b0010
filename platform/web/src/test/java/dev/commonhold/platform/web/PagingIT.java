package dev.commonhold.platform.web;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PagingIT {

    @LocalServerPort
    int port;

    @Test
    void walkingTheCursorVisitsEveryRowOnceInCreationOrder() {
        Api api = new Api("http://localhost:" + port);
        for (int i = 0; i < 120; i++) {
            assertThat(api.post("/things", Map.of("name", "paged-" + i, "amountFen", i + 1)).status()).isEqualTo(201);
        }

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String cursor = "";
        do {
            JsonNode page = api.get("/things?limit=50&cursor=" + cursor).json();
            page.get("items").forEach(item -> seen.add(item.get("name").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null);

        List<String> paged = seen.stream().filter(n -> n.startsWith("paged-")).toList();
        assertThat(paged).hasSize(120);
        assertThat(new HashSet<>(paged)).hasSize(120);
        assertThat(paged.getFirst()).isEqualTo("paged-0");
        assertThat(paged.getLast()).isEqualTo("paged-119");
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tamperedCursorAndOutOfRangeLimitAreNamed() {
        Api api = new Api("http://localhost:" + port);

        ApiResponse badCursor = api.get("/things?cursor=bm90LWEtY3Vyc29y");
        ApiResponse badLimit = api.get("/things?limit=0");

        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }
}
