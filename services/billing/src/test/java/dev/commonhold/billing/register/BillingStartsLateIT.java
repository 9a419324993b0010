package dev.commonhold.billing.register;

import dev.commonhold.billing.support.RegisterOnKafka;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A billing service deployed after the register exists (or rebuilt from an empty database) reads
 * community.state from the beginning and bills every unit: here 1,200 units are on the topic
 * before this test's billing application (its own context, database and consumer group) starts.
 */
@IntegrationTest
@TestPropertySource(properties = "test.context=starts-after-the-register")
class BillingStartsLateIT {

    static final UUID COMPANY = UUID.randomUUID();
    static final UUID COMMUNITY = UUID.randomUUID();

    @LocalServerPort
    int port;

    @BeforeAll
    static void registerExistsBeforeBillingStarts() {
        RegisterOnKafka.publish(COMMUNITY, COMPANY, 1_200, Map.of());
    }

    @Test
    void billingStartedAfterTwelveHundredUnitsExistBillsAllOfThem() {
        Api operator = new Api("http://localhost:" + port).as(Infra.tokens().user("operator").roles("operator-admin").company(COMPANY).token());
        String community = "/api/billing/communities/" + COMMUNITY;
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            var copy = operator.get(community + "/register-copy");
            return copy.status() == 200 && copy.json().get("units").asInt() == 1_200;
        });
        assertThat(operator.put(community + "/fee-plan", Map.of("name", "物业费", "cycle", "MONTHLY", "dueDays", 14,
                "prices", java.util.List.of(Map.of("use", "RESIDENTIAL", "effectiveFrom", "2020-01-01", "fenPerSquareMetreMonth", 150)))).status()).isEqualTo(200);
        String run = operator.post("/api/billing/runs", Map.of("communityId", COMMUNITY.toString(), "period", "2027-01")).json().get("id").asString();
        await().atMost(Duration.ofSeconds(90)).until(() -> operator.get("/api/billing/runs/" + run).json().get("status").asString().equals("DONE"));
        JsonNode done = operator.get("/api/billing/runs/" + run).json();
        assertThat(done.get("totalUnits").asInt()).isEqualTo(1_200);
        assertThat(done.get("issued").asInt()).isEqualTo(1_200);
    }
}
