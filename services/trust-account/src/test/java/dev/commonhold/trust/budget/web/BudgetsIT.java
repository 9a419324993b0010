package dev.commonhold.trust.budget.web;

import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.trust.support.TrustFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The owners' vote adopts the operator's draft budget; actuals come from the journal; a payment beyond its line is flagged. */
@IntegrationTest
class BudgetsIT {

    @LocalServerPort
    int port;

    @Test
    void theAssemblyAdoptsTheBudgetAndAPaymentBeyondItsLineIsFlaggedToTheApprovers() {
        TrustFixture f = new TrustFixture(port).registered();
        int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        String path = "/api/trust/communities/" + f.community;
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "property_fee", null, 50_000, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path + "/accounts").json().get("entries").asLong() == 1);
        UUID resolution = UUID.randomUUID();

        assertThat(f.as(f.resident).put(path + "/budgets/" + year, Map.of("resolutionId", resolution, "lines", Map.of("5102", 10_000))).status())
                .isEqualTo(403);
        ApiResponse income = f.as(f.operatorAdmin).put(path + "/budgets/" + year, Map.of("resolutionId", resolution, "lines", Map.of("4101", 10_000)));
        assertThat(income.status()).isEqualTo(400);
        assertThat(income.json().get("errors").get(0).get("field").asString()).isEqualTo("lines");
        JsonNode draft = f.as(f.operatorAdmin).put(path + "/budgets/" + year, Map.of("resolutionId", resolution,
                "lines", Map.of("5102", 10_000, "5105", 30_000))).json();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("budgetFen").asLong()).isEqualTo(40_000);

        TrustFixture.send(List.of(decided(f, resolution, "APPROVED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path + "/budgets/" + year).json().get("status").asString().equals("ADOPTED"));
        assertThat(f.as(f.operatorAdmin).put(path + "/budgets/" + year, Map.of("resolutionId", UUID.randomUUID(), "lines", Map.of("5102", 1))).status())
                .as("what the owners adopted is not redrafted").isEqualTo(409);

        JsonNode within = f.as(f.staff).post(path + "/payment-requests", Map.of("payee", "保洁公司", "amountFen", 10_000, "expenseAccount", "5102",
                "purpose", "保洁")).json();
        assertThat(within.get("budget").get("exceedsByFen").asLong()).as("exactly the line").isZero();
        JsonNode beyond = f.as(f.staff).post(path + "/payment-requests", Map.of("payee", "保洁公司", "amountFen", 10_001, "expenseAccount", "5102",
                "purpose", "保洁")).json();
        assertThat(beyond.get("budget").get("exceedsByFen").asLong()).as("one fen over the line").isEqualTo(1);
        assertThat(f.as(f.chair).get(path + "/payment-requests/" + beyond.get("id").asString()).json().get("budget").get("budgetFen").asLong())
                .isEqualTo(10_000);
    }

    private static dev.commonhold.platform.messaging.EventEnvelope decided(TrustFixture f, UUID resolution, String outcome) {
        Map<String, Object> weight = Map.of("areaCentiM2", 100, "owners", 1);
        Map<String, Object> fraction = Map.of("numerator", 1, "denominator", 1);
        Map<String, Object> ratio = Map.of("area", fraction, "owners", fraction);
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("resolutionId", resolution.toString());
        payload.put("title", "2026 年度预算");
        payload.put("matter", "ANNUAL_BUDGET");
        payload.put("threshold", "ORDINARY_MAJORITY");
        payload.put("electorate", Map.of("scope", "WHOLE_COMMUNITY", "ids", List.of(), "areaCentiM2", 100, "owners", 1));
        payload.put("nonVotersCountAsApproving", false);
        payload.put("tally", Map.of("approving", weight, "rejecting", Map.of("areaCentiM2", 0, "owners", 0), "abstaining",
                Map.of("areaCentiM2", 0, "owners", 0), "participating", weight, "participation", ratio, "approval", ratio));
        payload.put("quorumMet", true);
        payload.put("outcome", outcome);
        payload.put("openedAt", "2026-01-05T00:00:00Z");
        payload.put("closesAt", "2026-01-20T00:00:00Z");
        payload.put("decidedAt", "2026-01-20T00:00:00Z");
        return TrustFixture.envelope("community.resolution-decided.v1", f.community, resolution, payload);
    }
}
