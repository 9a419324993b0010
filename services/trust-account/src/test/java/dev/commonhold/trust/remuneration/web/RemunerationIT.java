package dev.commonhold.trust.remuneration.web;

import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.trust.support.TrustFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule T2: the operator's remuneration is posted as its own line when a month closes, by terms the committee confirmed. */
@IntegrationTest
class RemunerationIT {

    @LocalServerPort
    int port;

    @Test
    void confirmedTermsGiveTheMonthsRemunerationAsItsOwnLineAndUnconfirmedOnesNothing() {
        TrustFixture f = new TrustFixture(port).registered();
        String path = "/api/trust/communities/" + f.community;
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "property_fee", null, 12_345, Instant.parse("2026-10-10T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path + "/accounts").json().get("entries").asLong() == 1
                && f.as(f.resident).get(path + "/committee").json().size() == 2);

        assertThat(f.as(f.resident).put(path + "/remuneration", Map.of("kind", "FIXED", "fixedFen", 1)).status()).isEqualTo(403);
        ApiResponse tooMuch = f.as(f.operatorAdmin).put(path + "/remuneration", Map.of("kind", "PERCENT", "basisPoints", 5_001, "capFen", 100));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("basisPoints");
        JsonNode proposed = f.as(f.operatorAdmin).put(path + "/remuneration", Map.of("kind", "PERCENT", "basisPoints", 1_000, "capFen", 100_000)).json();
        String terms = proposed.get(0).get("id").asString();
        assertThat(f.as(f.operatorAdmin).post(path + "/remuneration/" + terms + "/confirmation", Map.of()).status())
                .as("the operator cannot confirm its own pay").isEqualTo(403);
        JsonNode confirmed = f.as(f.chair).post(path + "/remuneration/" + terms + "/confirmation", Map.of()).json();
        assertThat(confirmed.get(0).get("confirmedByName").asString()).isEqualTo("委员0");

        f.as(f.operatorAdmin).post(path + "/months/2026-10/close", Map.of());

        JsonNode accounts = f.as(f.resident).get(path + "/accounts").json();
        assertThat(balance(accounts, "5101")).as("10 % of 123.45 yuan, half up").isEqualTo(1_235);
        assertThat(balance(accounts, "2204")).as("owed to the operator, paid with two keys").isEqualTo(-1_235);
        JsonNode line = f.as(f.resident).get(path + "/entries?cursor=1").json().get("items").get(0);
        assertThat(line.get("source").asString()).isEqualTo("remuneration:2026-10");
        assertThat(line.get("period").asString()).isEqualTo("2026-10");
        assertThat(line.get("description").asString()).contains("物业服务酬金").contains("上限 1000.00 元");
    }

    @Test
    void withoutConfirmedTermsNothingIsPosted() {
        TrustFixture f = new TrustFixture(port).registered();
        String path = "/api/trust/communities/" + f.community;
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "property_fee", null, 50_000, Instant.parse("2026-10-10T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path + "/accounts").json().get("entries").asLong() == 1);
        f.as(f.operatorAdmin).put(path + "/remuneration", Map.of("kind", "FIXED", "fixedFen", 800_000));

        f.as(f.operatorAdmin).post(path + "/months/2026-10/close", Map.of());

        assertThat(f.as(f.resident).get(path + "/accounts").json().get("entries").asLong()).isEqualTo(1);
    }

    private static long balance(JsonNode balances, String code) {
        return balances.get("accounts").valueStream().filter(a -> a.get("code").asString().equals(code)).findFirst().orElseThrow()
                .get("balanceFen").asLong();
    }
}
