package dev.commonhold.trust.objections.web;

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

/** Rule T5: an owner questions an entry, the operator answers once, and everyone who reads the account sees both. */
@IntegrationTest
class ObjectionsIT {

    @LocalServerPort
    int port;

    @Test
    void anOwnerAsksTheOperatorAnswersOnceAndBothArePublicToTheCommunity() {
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "advertising_common", null, 88_000, Instant.now())));
        String path = "/api/trust/communities/" + f.community;
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path + "/entries").json().get("items").size() == 1);
        String entry = f.as(f.resident).get(path + "/entries").json().get("items").get(0).get("id").asString();

        ApiResponse raised = f.as(f.resident).post(path + "/entries/" + entry + "/objections", Map.of("question", "电梯广告费为何只有 880 元？合同是多少？"));
        assertThat(raised.status()).isEqualTo(201);
        String id = raised.json().get("id").asString();
        assertThat(f.as(f.staff).post(path + "/entries/" + entry + "/objections", Map.of("question", "x")).status())
                .as("the operator answers, it does not ask").isEqualTo(403);
        assertThat(f.as(f.resident).post(path + "/entries/" + UUID.randomUUID() + "/objections", Map.of("question", "?")).status()).isEqualTo(404);
        assertThat(f.as(f.resident).post(path + "/entries/" + entry + "/objections", Map.of("question", " ")).status()).isEqualTo(400);

        JsonNode open = f.as(f.chair).get(path + "/objections").json().get(0);
        assertThat(open.get("open").asBoolean()).isTrue();
        assertThat(open.get("ageDays").asLong()).isZero();
        assertThat(f.as(f.resident).post(path + "/objections/" + id + "/answer", Map.of("answer", "我答")).status()).isEqualTo(403);

        assertThat(f.as(f.staff).post(path + "/objections/" + id + "/answer", Map.of("answer", "合同为季度 2,640 元，按月入账 880 元，合同见凭证。")).status())
                .isEqualTo(200);
        assertThat(f.as(f.staff).post(path + "/objections/" + id + "/answer", Map.of("answer", "改口")).status()).as("answered once").isEqualTo(409);
        JsonNode answered = f.as(f.resident).get(path + "/objections").json().get(0);
        assertThat(answered.get("open").asBoolean()).isFalse();
        assertThat(answered.get("answer").asString()).startsWith("合同为季度");
    }
}
