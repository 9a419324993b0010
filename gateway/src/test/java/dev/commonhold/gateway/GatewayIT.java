package dev.commonhold.gateway;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.http.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway in front of a stand-in service, with real tokens from an OIDC server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s"})
class GatewayIT {

    private static final StubService community = new StubService(Ports.free());
    private static final StubService billing = new StubService(Ports.free());
    private static final StubService keycloak = new StubService(Ports.free());
    private static final UUID MINE = UUID.randomUUID();

    @LocalServerPort
    int port;
    Api gateway;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("COMMUNITY_URL", community::url);
        properties.add("BILLING_URL", billing::url);
        properties.add("KEYCLOAK_URL", keycloak::url);
        properties.add("OIDC_ISSUER_URI", () -> Infra.tokens().issuerUri());
    }

    @BeforeEach
    void setUp() {
        gateway = new Api("http://localhost:" + port);
    }

    @AfterEach
    void serviceBackUp() {
        community.stop();
        community.start();
    }

    @Test
    void routesToTheServiceWithTheCallersTokenAndATraceparent() {
        String token = resident();

        ApiResponse response = gateway.as(token).get("/api/community/communities/" + MINE + "/units");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(response.json().get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void thePortalsSessionCookieNeverLeavesTheGatewayOtherCookiesDo() {
        ApiResponse response = gateway.as(resident()).header("Cookie", "SESSION=s3cr3t; KEYCLOAK_LOCALE=zh-CN")
                .get("/api/community/communities/" + MINE + "/units");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("cookie").asString()).isEqualTo("KEYCLOAK_LOCALE=zh-CN");
    }

    @Test
    void aChangeRelyingOnASessionCookieWithoutTheCsrfTokenIsRefusedAndNeverReachesTheService() {
        String path = "/api/community/communities/" + MINE + "/units/" + UUID.randomUUID() + "/transfers";

        ApiResponse refused = gateway.header("Cookie", "SESSION=whatever").post(path, java.util.Map.of("number", "101"));
        ApiResponse madeUp = gateway.header("Cookie", "SESSION=whatever; XSRF-TOKEN=evil").header("X-XSRF-TOKEN", "evil")
                .post(path, java.util.Map.of("number", "101"));
        ApiResponse inAForm = gateway.header("Cookie", "SESSION=whatever").post(path, "_csrf=evil&number=101", "application/x-www-form-urlencoded");
        ApiResponse withItsOwnToken = gateway.as(resident()).header("Cookie", "SESSION=whatever").post(path, java.util.Map.of("number", "101"));

        assertProblem(refused, 403, "csrf-token-missing");
        assertProblem(madeUp, 403, "csrf-token-missing");
        assertProblem(inAForm, 403, "csrf-token-missing");
        assertThat(withItsOwnToken.status()).as("a bearer-token client needs no CSRF token").isEqualTo(200);
        assertThat(community.times(path)).isEqualTo(1);
    }

    @Test
    void keycloaksOwnFormsBehindTheGatewayAreLeftToKeycloakEvenWithAPortalSession() {
        String path = "/realms/commonhold/login-actions/authenticate";

        ApiResponse login = gateway.header("Cookie", "SESSION=whatever").post(path, "username=resident&password=resident", "application/x-www-form-urlencoded");

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(keycloak.saw(path)).isTrue();
    }

    @Test
    void thePortalAnswersWhoIsSignedInOr401AndTheBareAddressLeadsToIt() {
        ApiResponse nobody = gateway.get("/portal/session");
        ApiResponse bare = gateway.get("/");

        assertProblem(nobody, 401, "unauthenticated");
        assertThat(nobody.body()).doesNotContain("csrfToken");
        assertThat(bare.status()).isEqualTo(303);
        assertThat(bare.header("Location")).isEqualTo("/portal/");
        ApiResponse page = gateway.get("/portal/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void signingInStartsAtKeycloakWithPkce() {
        ApiResponse start = gateway.get("/oauth2/authorization/portal");

        assertThat(start.status()).isEqualTo(302);
        assertThat(java.net.URLDecoder.decode(start.header("Location"), java.nio.charset.StandardCharsets.UTF_8)).startsWith(Infra.tokens().issuerUri() + "/protocol/openid-connect/auth?")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("client_id=commonhold-gateway")
                .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/portal");
    }

    @Test
    void noTokenIsA401ProblemAndNeverReachesTheService() {
        String path = "/api/community/communities/" + UUID.randomUUID();

        ApiResponse response = gateway.get(path);

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(community.saw(path)).isFalse();
    }

    @Test
    void paymentChannelNotificationsPassWithoutATokenAndNothingElseOfBillingDoes() {
        String invoicesPath = "/api/billing/communities/" + MINE + "/units/" + UUID.randomUUID() + "/invoices";

        ApiResponse notification = gateway.post("/api/billing/channels/wechat-pay/notifications", "{\"id\":\"EV-1\"}", "application/json");
        ApiResponse invoices = gateway.get(invoicesPath);
        ApiResponse readingNotifications = gateway.get("/api/billing/channels/wechat-pay/notifications");

        assertThat(notification.status()).isEqualTo(200);
        assertThat(billing.saw("/api/billing/channels/wechat-pay/notifications")).isTrue();
        assertProblem(invoices, 401, "unauthenticated");
        assertThat(billing.saw(invoicesPath)).isFalse();
        assertProblem(readingNotifications, 401, "unauthenticated");
    }

    @Test
    void forgedTokenIsRefused() {
        String forged = resident().substring(0, resident().lastIndexOf('.')) + ".c2lnbmF0dXJl";

        assertProblem(gateway.as(forged).get("/api/community/communities"), 401, "unauthenticated");
    }

    @Test
    void aPathThatCanBeReadTwoWaysIsRefusedBeforeAnythingDecidesOnItWithOrWithoutAToken() {
        String other = UUID.randomUUID().toString();
        List<String> ambiguous = List.of(
                "/api/c%6Fmmunity/communities/" + other,
                "/api/community/communities/" + other.replaceFirst("-", "%2D"),
                "/api/community/communities/" + other + ";x=1/owners",
                "/api;x=1/community/communities/" + other,
                "/api/community//communities/" + other,
                "/api/community/communities/" + MINE + "/../" + other,
                "/api/community/communities/%2e%2e/" + other,
                "/api/community/communities/" + other + "%2Fowners",
                "/api/community/communities/./" + other);
        for (String path : ambiguous) {
            for (String token : java.util.Arrays.asList(resident(), null)) {
                ApiResponse response = (token == null ? gateway : gateway.as(token)).get(path);
                assertThat(response.status()).as(path + (token == null ? " without a token" : "")).isEqualTo(400);
                assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(response.json().get("type").asString()).as(path).endsWith("malformed-request");
                assertThat(response.json().get("traceId")).as(path).isNotNull();
                assertThat(response.header("Content-Security-Policy")).as(path + " refused before security still says what it is").isNotNull();
            }
        }
        sleep(500);
        assertThat(community.saw("/api/community/communities/" + other)).as("no service was bothered").isFalse();
        assertThat(gateway.as(resident()).get("/api/community/communities/" + MINE + "/units?q=%E5%8A%B2%E6%9D%BE").status())
                .as("percent-encoded Chinese in a query is how it is sent, and passes").isEqualTo(200);
    }

    @Test
    void residentReachingIntoAnotherCommunityIsRefusedAtTheEdge() {
        String path = "/api/community/communities/" + UUID.randomUUID() + "/owners";

        ApiResponse response = gateway.as(resident()).get(path);

        assertProblem(response, 403, "forbidden");
        sleep(500); // a request forwarded behind the refusal would arrive just after it
        assertThat(community.saw(path)).as("the service was not bothered").isFalse();
    }

    @Test
    void aRequestInTheResidentsOwnCommunityReachesTheServiceOnce() {
        String path = "/api/community/communities/" + MINE + "/households/mine";

        assertThat(gateway.as(resident()).get(path).status()).isEqualTo(200);
        sleep(500);
        assertThat(community.times(path)).as("forwarded exactly once").isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void operatorsAreScopedByTheServiceNotTheEdge() {
        String operator = Infra.tokens().user("operator").roles("operator-admin").company(UUID.randomUUID()).token();

        assertThat(gateway.as(operator).get("/api/community/communities/" + UUID.randomUUID()).status()).isEqualTo(200);
    }

    @Test
    void serviceProblemsPassThroughUntouched() {
        ApiResponse response = gateway.as(resident()).post("/api/community/communities/" + MINE + "/refuse", "{}");

        assertProblem(response, 422, "import-rejected");
    }

    @Test
    void whatNettyOrTheFirewallRefusesBeforeAnyFilterIsAProblemWithATraceIdToo() {
        String tooLong = "/api/community/communities/" + MINE + "/units?q=" + "a".repeat(9_000);
        RawHttp.Answer uri = RawHttp.get(port, tooLong, "Authorization: Bearer " + resident());
        RawHttp.Answer headers = RawHttp.get(port, "/api/community/communities/" + MINE, "X-Padding: " + "b".repeat(17_000));
        RawHttp.Answer garbage = RawHttp.send(port, "NOT HTTP AT ALL\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        RawHttp.Answer method = RawHttp.send(port, ("FOO /api/community/communities/" + MINE + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(uri.status()).isEqualTo(414);
        assertThat(uri.json().get("type").asString()).endsWith("/uri-too-long");
        assertThat(uri.json().get("detail").asString()).contains("8 KB");
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.json().get("type").asString()).endsWith("/headers-too-large");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(method.status()).as("the security firewall's refusal of an unknown method").isEqualTo(400);
        for (RawHttp.Answer answer : List.of(uri, headers, garbage, method)) {
            assertThat(answer.headers().get("content-type")).as(answer.body()).isEqualTo("application/problem+json");
            assertThat(answer.json().get("traceId").asString()).matches("[0-9a-f]{32}");
        }
        assertThat(gateway.as(resident()).get("/api/community/communities/" + MINE + "/units?q=" + "a".repeat(7_000)).status())
                .as("a long URL under the 8 KB limit is routed").isEqualTo(200);
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        assertProblem(gateway.as(resident()).get("/api/nothing-here"), 404, "not-found");
        assertProblem(gateway.get("/no/such/page"), 404, "not-found");
    }

    @Test
    void serviceDownIsAClear503AndTheBreakerOpensThenRecovers() {
        community.stop();

        ApiResponse down = gateway.as(resident()).get("/api/community/communities");
        assertProblem(down, 503, "unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("30");
        assertThat(down.json().get("detail").asString()).contains("community service");
        for (int i = 0; i < 4; i++) {
            gateway.as(resident()).get("/api/community/communities");
        }

        community.start();
        int before = community.hits();
        assertProblem(gateway.as(resident()).get("/api/community/communities"), 503, "unavailable");
        assertThat(community.hits()).as("an open breaker answers without calling the service").isEqualTo(before);

        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.as(resident()).get("/api/community/communities").status() == 200);
    }

    @Test
    void healthIsOpenForOrchestrators() {
        assertThat(gateway.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void aGibibyteUploadIsRefusedFromItsDeclaredLengthBeforeAnythingIsSentOn() {
        String path = "/api/billing/communities/" + MINE + "/payments";

        RawHttp.Upload upload = RawHttp.upload(port, path, 1L << 30, false,
                "Authorization: Bearer " + resident(), "Content-Type: application/json", "Idempotency-Key: " + UUID.randomUUID());

        assertThat(upload.answer().status()).isEqualTo(413);
        assertThat(upload.answer().json().get("type").asString()).endsWith("payload-too-large");
        assertThat(upload.answer().json().get("detail").asString()).contains("at most 1048576 bytes");
        assertThat(upload.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(upload.bytesSent()).isLessThan(1L << 28);
        assertThat(billing.saw(path)).isFalse();
    }

    @Test
    void aBodyStreamedWithoutALengthIsCutOffAtItsRoutesLimitAndDoesNotOpenTheBreaker() {
        String path = "/api/billing/communities/" + MINE + "/streamed";

        for (int i = 0; i < 5; i++) {
            RawHttp.Upload upload = RawHttp.upload(port, path, 3L << 20, true,
                    "Authorization: Bearer " + resident(), "Content-Type: application/json");
            assertThat(upload.answer().status()).isEqualTo(413);
            assertThat(upload.answer().json().get("type").asString()).endsWith("payload-too-large");
        }

        assertThat(gateway.as(resident()).get("/api/billing/communities/" + MINE + "/invoices").status())
                .as("five refused bodies are not five failures of billing").isEqualTo(200);
    }

    @Test
    void aRouteWithALargerLimitTakesItsFileWhole() {
        RawHttp.Upload file = RawHttp.upload(port, "/api/community/communities/" + MINE + "/imports", 3L << 20, true,
                "Authorization: Bearer " + resident(), "Content-Type: text/csv");

        assertThat(file.answer().status()).isEqualTo(200);
        assertThat(file.answer().json().get("bodyBytes").asLong()).isEqualTo(3L << 20);
    }

    @Test
    void actuatorBeyondHealthIsNotServedOnThePublicPortAndTheFallbackIsNoPage() {
        assertProblem(gateway.get("/actuator/metrics"), 401, "unauthenticated");
        assertThat(gateway.as(resident()).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(gateway.get("/actuator/gateway/routes").status()).isEqualTo(401);
        assertProblem(gateway.get("/fallback/billing"), 404, "not-found");
    }

    @Test
    void apiAnswersForbidAnyContentAndFraming() {
        ApiResponse answer = gateway.as(resident()).get("/api/community/communities/" + MINE + "/units");
        ApiResponse problem = gateway.get("/no/such/page");

        assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(problem.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Strict-Transport-Security")).as("written only on HTTPS answers").isNull();
    }

    @Test
    void keycloaksSignInPagesOfTheCommonholdRealmPassAndItsAdminAndOtherRealmsDoNot() {
        ApiResponse signIn = gateway.header("X-Forwarded-For", "203.0.113.66").header("X-Forwarded-Proto", "https")
                .get("/realms/commonhold/protocol/openid-connect/auth?client_id=commonhold-gateway");
        ApiResponse assets = gateway.get("/resources/x1/login/keycloak.v2/css/styles.css");

        assertThat(signIn.status()).isEqualTo(200);
        assertThat(keycloak.saw("/realms/commonhold/protocol/openid-connect/auth")).isTrue();
        assertThat(signIn.json().get("forwardedFor").asString()).as("what the gateway saw, not what the caller claims").isEqualTo("127.0.0.1");
        assertThat(signIn.json().get("forwardedProto").asString()).as("this gateway listens on plain HTTP").isEqualTo("http");
        assertThat(assets.status()).isEqualTo(200);
        for (String hidden : List.of("/admin/master/console/", "/admin/realms/commonhold/users", "/realms/master/protocol/openid-connect/token",
                "/realms/commonhold-other/account")) {
            assertProblem(gateway.get(hidden), 404, "not-found");
            assertThat(keycloak.saw(hidden)).as(hidden).isFalse();
        }
    }

    private static String resident() {
        return Infra.tokens().user("resident").roles("resident").communities(MINE).token();
    }

    private static void assertProblem(ApiResponse response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("tag:commonhold.dev,2026:problem/" + slug);
    }
}
