package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 end to end, through the gateway, with real Keycloak (the realm from infra/keycloak) and
 * the stack ./run.sh starts: a newcomer self-registers with a phone number as username, enters the
 * printed code for 1号楼 301, and their next token names the community; they see their household
 * and vote; the code is spent; guessing is limited; a sale unbinds; and a former committee
 * member's old token is refused by the trust account, which checks the register.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DemoStack.class)
@Order(2)
class ResidentOnboardingIT {

    private static final String COMMUNITIES = "/api/community/communities";
    private static final String PASSWORD = "Lotus-Pond-7-Bridge";

    private static Stack stack;
    private static KeycloakClient keycloak;
    private static String community;
    private static String newcomer;
    private static String code;

    @BeforeAll
    static void onTheDemoStack() {
        stack = DemoStack.running().stack();
        community = DemoStack.running().community();
        keycloak = DemoStack.running().keycloak();
    }

    @Test
    @Order(1)
    void aNewcomerSelfRegistersEntersThePrintedCodeAndTheirNextTokenNamesTheCommunity() throws Exception {
        newcomer = "139" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
        selfRegister(newcomer);
        String before = keycloak.passwordToken(newcomer, PASSWORD);
        assertThat(gateway().as(before).get(COMMUNITIES + "/" + community + "/households/mine").status())
                .as("not theirs yet").isEqualTo(403);
        code = staff().post(COMMUNITIES + "/" + community + "/units/" + unit("1号楼", "301") + "/invitations", Map.of("kind", "owner"))
                .json().get("code").asString();

        ApiResponse bound = gateway().as(before).post("/api/community/invitations/redemptions", Map.of("code", code));

        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(bound.json().get("communityName").asString()).isEqualTo(DemoSeed.COMMUNITY_NAME);
        awaitAccountUpdated(before);
        String after = keycloak.passwordToken(newcomer, PASSWORD);
        assertThat(communities(after)).contains(community);
        assertThat(roles(after)).contains("resident");
        JsonNode household = gateway().as(after).get(COMMUNITIES + "/" + community + "/households/mine").json();
        assertThat(household.get("units").valueStream().map(u -> u.get("building").asString() + " " + u.get("number").asString()).toList())
                .contains("1号楼 301");
    }

    @Test
    @Order(2)
    void theyVoteInTheOpenResolutionOfTheirBuildingAndTheCodeCannotBeUsedAgain() throws Exception {
        Api owner = gateway().as(keycloak.passwordToken(newcomer, PASSWORD));
        String vote = owner.get(COMMUNITIES + "/" + community + "/resolutions?limit=500").json().get("items").valueStream()
                .filter(r -> r.get("title").asString().equals(DemoSeed.DEMO_VOTE)).findFirst().orElseThrow().get("id").asString();

        ApiResponse cast = owner.post(COMMUNITIES + "/" + community + "/resolutions/" + vote + "/ballots", Map.of("choice", "APPROVE"));

        assertThat(cast.status()).as(cast.body()).isIn(200, 201);
        assertThat(owner.get(COMMUNITIES + "/" + community + "/resolutions/" + vote + "/ballots/mine").body()).contains("APPROVE");
        String second = "138" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000));
        selfRegister(second);
        ApiResponse again = gateway().as(keycloak.passwordToken(second, PASSWORD)).post("/api/community/invitations/redemptions", Map.of("code", code));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail").asString()).contains("already been used");
    }

    @Test
    @Order(3)
    void theSixthWrongCodeInAnHourIs429WithRetryAfterThroughTheGateway() {
        String guesser = "guesser." + UUID.randomUUID().toString().substring(0, 8);
        keycloak.createUser(guesser, PASSWORD);
        Api api = gateway().as(keycloak.passwordToken(guesser, PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/community/invitations/redemptions", Map.of("code", "ZZZZ-ZZZZ-ZZZ" + i)).status()).isEqualTo(422);
        }

        ApiResponse sixth = api.post("/api/community/invitations/redemptions", Map.of("code", "ZZZZ-ZZZZ-ZZZ9"));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(3000L, 3600L);
    }

    @Test
    @Order(4)
    void aSaleUnbindsTheSellerFromThatUnitAndTheBuyersCodeBindsThem() throws Exception {
        Api operator = gateway().as(keycloak.passwordToken("operator", "operator"));
        String buyerOwner = operator.post(COMMUNITIES + "/" + community + "/owners", Map.of("kind", "person", "name", "张建国", "phone", "13911112222"))
                .json().get("id").asString();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        ApiResponse sold = operator.post(COMMUNITIES + "/" + community + "/units/" + unit("1号楼", "301") + "/transfers",
                Map.of("toOwnerId", buyerOwner, "effectiveOn", today));

        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        assertThat(homes(keycloak.passwordToken(newcomer, PASSWORD))).doesNotContain("1号楼 301");
        String buyer = "137" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
        selfRegister(buyer);
        String buyerCode = staff().post(COMMUNITIES + "/" + community + "/units/" + unit("1号楼", "301") + "/invitations", Map.of("kind", "owner"))
                .json().get("code").asString();
        assertThat(gateway().as(keycloak.passwordToken(buyer, PASSWORD)).post("/api/community/invitations/redemptions", Map.of("code", buyerCode))
                .status()).isEqualTo(200);
        String buyerToken = keycloak.passwordToken(buyer, PASSWORD);
        assertThat(homes(buyerToken)).containsExactly("1号楼 301");
        awaitAccountUpdated(buyerToken);
        assertThat(communities(keycloak.passwordToken(buyer, PASSWORD))).contains(community);
    }

    @Test
    @Order(5)
    void aFormerCommitteeMembersNextTokenHasNoCommitteeRightsAndTheirOldTokenCannotApproveAPayment() {
        String member = "member." + UUID.randomUUID().toString().substring(0, 8);
        String memberId = keycloak.createUser(member, PASSWORD);
        String first = keycloak.passwordToken(member, PASSWORD);
        assertThat(appoint(memberId).status()).isEqualTo(200);
        awaitAccountUpdated(first);
        String oldToken = keycloak.passwordToken(member, PASSWORD);
        assertThat(roles(oldToken)).as("a committee member's token").contains("committee");
        String trust = "/api/trust/communities/" + community;
        Api staff = staff();
        await("the trust account's copy of the register has the new member", () -> staff.get(trust + "/committee").body().contains("新委员"));

        assertThat(appoint(null).status()).isEqualTo(200);
        awaitAccountUpdated(oldToken);
        assertThat(roles(keycloak.passwordToken(member, PASSWORD))).as("the former member's next token").doesNotContain("committee");
        await("the trust account's copy of the register no longer has them", () -> !staff.get(trust + "/committee").body().contains("新委员"));
        String pending = staff.get(trust + "/payment-requests").json().valueStream().filter(r -> r.get("status").asString().equals("PENDING"))
                .findFirst().orElseThrow().get("id").asString();
        assertThat(roles(oldToken)).as("the old token still says committee").contains("committee");

        ApiResponse refused = gateway().as(oldToken).post(trust + "/payment-requests/" + pending + "/decisions", Map.of("decision", "APPROVE"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("T3");
    }

    /** The demo committee (chair: the demo committee login), with {@code extraMember} as a member when not null. */
    private ApiResponse appoint(String extraMember) {
        Api operator = gateway().as(keycloak.passwordToken("operator", "operator"));
        JsonNode current = operator.get(COMMUNITIES + "/" + community + "/committee").json();
        List<Map<String, Object>> members = new java.util.ArrayList<>(current.get("members").valueStream()
                .filter(m -> !m.get("name").asString().equals("新委员"))
                .map(m -> {
                    Map<String, Object> copy = new java.util.HashMap<>(Map.of("name", m.get("name").asString(), "role", m.get("role").asString().toLowerCase(),
                            "ownerId", m.get("ownerId").asString()));
                    if (m.get("role").asString().equals("CHAIR")) {
                        copy.put("userId", keycloak.userId("committee"));
                    }
                    return copy;
                }).toList());
        if (extraMember != null) {
            members.add(Map.of("name", "新委员", "role", "member", "userId", extraMember));
        }
        return operator.put(COMMUNITIES + "/" + community + "/committee", Map.of("kind", "owners_committee", "termStart", "2026-01-01",
                "termEnd", "2030-12-31", "members", members));
    }

    /**
     * Until the registry has brought the login's Keycloak account in line with the register (asked
     * with a token the login already has, so Keycloak is not asked for a token every few hundred
     * milliseconds: its brute-force guard may take that for an attack).
     */
    private static void awaitAccountUpdated(String token) {
        await("the registry updates the account in Keycloak", () -> gateway().as(token).get("/api/community/me/homes").json()
                .get("accountUpToDate").asBoolean());
    }

    private List<String> homes(String token) {
        return gateway().as(token).get("/api/community/me/homes").json().get("homes").valueStream()
                .map(h -> h.get("building").asString() + " " + h.get("unit").asString()).toList();
    }

    private String unit(String building, String number) {
        Api operator = gateway().as(keycloak.passwordToken("operator", "operator"));
        String buildingId = operator.get(COMMUNITIES + "/" + community + "/buildings").json().valueStream()
                .filter(b -> b.get("name").asString().equals(building)).findFirst().orElseThrow().get("id").asString();
        return operator.get(COMMUNITIES + "/" + community + "/units?limit=500&buildingId=" + buildingId).json().get("items").valueStream()
                .filter(u -> u.get("number").asString().equals(number)).findFirst().orElseThrow().get("id").asString();
    }

    private static Api staff() {
        return gateway().as(keycloak.passwordToken("staff", "staff"));
    }

    /**
     * Signs up through Keycloak's own registration page, as a resident does on their phone: the form
     * Keycloak renders, posted back with its session cookies. (Keycloak marks them Secure, which a
     * browser sends to http://localhost but Java's CookieManager does not: hence a jar of our own.)
     */
    private static void selfRegister(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> jar = new java.util.LinkedHashMap<>();
        String start = Infra.keycloak().issuerUri() + "/protocol/openid-connect/registrations?client_id=commonhold-gateway&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode("http://localhost:8080/login/oauth2/code/portal", StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> page = send(browser, jar, HttpRequest.newBuilder(URI.create(start)));
        for (int hop = 0; hop < 5 && page.statusCode() == 302; hop++) {
            page = send(browser, jar, HttpRequest.newBuilder(URI.create(page.headers().firstValue("Location").orElseThrow())));
        }
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-register-form\"").matcher(page.body());
        assertThat(action.find()).as("Keycloak's registration form").isTrue();
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        Map<String, String> fields = Map.of("username", username, "email", username + "@example.cn", "firstName", "芳", "lastName", "王",
                "password", PASSWORD, "password-confirm", PASSWORD);
        HttpResponse<String> registered = send(browser, jar, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")))));
        assertThat(registered.statusCode()).as("registered and sent back to the app: " + registered.body()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).contains("code=");
    }

    private static HttpResponse<String> send(HttpClient browser, Map<String, String> jar, HttpRequest.Builder request) throws Exception {
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return response;
    }

    private static List<String> communities(String token) {
        return KeycloakClient.claims(token).path("communities").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> roles(String token) {
        return KeycloakClient.claims(token).path("realm_access").path("roles").valueStream().map(JsonNode::asString).toList();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(condition);
    }

    private static Api gateway() {
        return new Api(stack.gatewayUrl()).patient();
    }
}
