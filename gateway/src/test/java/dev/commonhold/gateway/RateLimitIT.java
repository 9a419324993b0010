package dev.commonhold.gateway;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits at the edge (issue 17), with limits small enough to reach: a user, a client, a gate
 * camera and an address without a token each get their own window; the one over it is answered 429
 * problem+json with Retry-After, and the refused request never reaches the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonhold.rate-limits.user-per-second=5",
        "commonhold.rate-limits.client-per-second=8",
        "commonhold.rate-limits.camera-per-second=30",
        "commonhold.rate-limits.anonymous-per-second=3"})
class RateLimitIT {

    private static final StubService billing = new StubService(Ports.free());
    private static final StubService parking = new StubService(Ports.free());
    private static final UUID COMMUNITY = UUID.randomUUID();

    @LocalServerPort
    int port;
    Api gateway;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("BILLING_URL", billing::url);
        properties.add("PARKING_URL", parking::url);
        properties.add("OIDC_ISSUER_URI", () -> Infra.tokens().issuerUri());
    }

    @BeforeEach
    void setUp() {
        gateway = new Api("http://localhost:" + port);
    }

    @Test
    void aUserOverTheirLimitIsAnswered429WithRetryAfterAndTheServiceNeverSeesIt() {
        String path = "/api/billing/communities/" + UUID.randomUUID() + "/invoices";
        String token = user("limited-" + UUID.randomUUID(), "cli-" + UUID.randomUUID());

        List<ApiResponse> answers = burst(gateway.as(token), path, 12);

        assertThat(answers.stream().filter(a -> a.status() == 200).count()).as("at most the limit in one window, at least one").isBetween(1L, 10L);
        ApiResponse refused = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/too-many-requests");
        assertThat(refused.json().get("detail").asString()).contains("5 requests a second from your account");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        assertThat(billing.times(path)).as("only the admitted requests reached billing").isEqualTo(answers.stream().filter(a -> a.status() == 200).count());
    }

    @Test
    void anotherUserIsNotSlowedByTheOneOverTheLimit() {
        String client = "cli-" + UUID.randomUUID();
        burst(gateway.as(user("busy-" + UUID.randomUUID(), client)), "/api/billing/communities/" + COMMUNITY + "/invoices", 12);

        assertThat(gateway.as(user("calm-" + UUID.randomUUID(), "other-" + UUID.randomUUID()))
                .get("/api/billing/communities/" + COMMUNITY + "/invoices").status()).isEqualTo(200);
    }

    @Test
    void aClientsUsersTogetherAreHeldToTheClientsLimit() {
        String client = "integration-" + UUID.randomUUID();
        List<ApiResponse> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // four users, 4 requests each: each under their own limit of 5, together over the client's 8
            answers.addAll(burst(gateway.as(user("member-" + i + "-" + UUID.randomUUID(), client)), "/api/billing/communities/" + COMMUNITY + "/invoices", 4));
        }

        ApiResponse refused = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
        assertThat(refused.json().get("detail").asString()).contains("8 requests a second from the application " + client);
    }

    @Test
    void aGateCameraHasItsOwnHigherLimit() {
        String camera = Infra.tokens().user("camera-" + UUID.randomUUID()).roles("gate-device").claim("azp", "commonhold-gate").token();

        List<ApiResponse> answers = burst(gateway.as(camera), "/api/parking/communities/" + COMMUNITY + "/gate-events", 20);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("20 events in a burst: over a person's 5, under a camera's 30").isEqualTo(200));
    }

    @Test
    void aCallerWithoutATokenIsLimitedByAddress() {
        String path = "/api/billing/channels/wechat/notifications";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(gateway.post(path, "{}", "application/json").status());
        }

        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(1L, 6L);
    }

    private static String user(String name, String client) {
        return Infra.tokens().user(name).roles("operator-staff").claim("azp", client).token();
    }

    private static List<ApiResponse> burst(Api api, String path, int count) {
        List<ApiResponse> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(api.get(path));
        }
        return answers;
    }
}
