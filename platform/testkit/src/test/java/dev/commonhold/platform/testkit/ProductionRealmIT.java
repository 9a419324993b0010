package dev.commonhold.platform.testkit;

import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import dev.commonhold.platform.testkit.keycloak.KeycloakServer;
import dev.commonhold.platform.testkit.keycloak.ProductionRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm a server imports (infra/keycloak/production), in real Keycloak with test-only secrets
 * injected as docker-compose.yml injects them (issue 18): the demo secrets open nothing, no client
 * takes a password grant, a refresh token works once, the password policy holds at its boundaries,
 * and a privileged role gets no code without its second factor.
 */
class ProductionRealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIRECT = ProductionRealm.PUBLIC_URL + "/login/oauth2/code/portal";
    private static final String STRONG = "Lotus-Pond-7-Bridge";

    private static ProductionRealm realm;
    private static KeycloakServer keycloak;
    private static HttpClient https;
    private static KeycloakClient admin;

    @BeforeAll
    static void start() {
        realm = new ProductionRealm();
        keycloak = Infra.productionKeycloak(realm);
        https = HttpClient.newBuilder().sslContext(realm.tls().trustingContext()).connectTimeout(Duration.ofSeconds(5)).build();
        admin = new KeycloakClient(keycloak.baseUrl(), KeycloakServer.REALM, https);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"commonhold-gate:gate-secret", "commonhold-gateway:gateway-secret"})
    void theDemoRealmsSecretsOpenNothing(String clientAndSecret) {
        String[] parts = clientAndSecret.split(":");

        HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", parts[0], "client_secret", parts[1]));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(json(answer).has("access_token")).isFalse();
    }

    @Test
    void theIntegrationTakesNoSecretAtAllNotEvenTheDemoOne() {
        HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", "commonhold-machine", "client_secret", "machine-secret"));

        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 401);
        assertThat(json(answer).get("error").asString()).isEqualTo("invalid_client");
        assertThat(json(answer).has("access_token")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"commonhold-cli", "admin-cli", "commonhold-gateway"})
    void noClientTakesThePasswordGrant(String client) {
        String username = newUser(STRONG, List.of());
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", client, "username", username, "password", STRONG));
        if (client.equals("commonhold-gateway")) {
            form.put("client_secret", realm.gatewaySecret());
        }

        HttpResponse<String> answer = token(form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void theIntegrationSignsItsRequestAndGetsOneCompanysStaffRightsNotPlatformAdmin() throws Exception {
        HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", "commonhold-machine",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", signedAssertion()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode claims = claims(json(answer).get("access_token").asString());
        assertThat(texts(claims.get("realm_access").get("roles"))).contains("integration", "operator-staff").doesNotContain("platform-admin", "operator-admin");
        assertThat(claims.get("company").asString()).isEqualTo(realm.operatorCompany());
        assertThat(texts(claims.get("aud"))).contains("commonhold-api");
    }

    @Test
    void aGateCameraWithTheServersOwnSecretIsAGateDeviceOfTheOperator() {
        HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", "commonhold-gate", "client_secret", realm.gateSecret()));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode claims = claims(json(answer).get("access_token").asString());
        assertThat(texts(claims.get("realm_access").get("roles"))).contains("gate-device").doesNotContain("operator-staff");
        assertThat(claims.get("company").asString()).isEqualTo(realm.operatorCompany());
    }

    /**
     * Issue 15: the registry keeps users' communities and resident/committee roles in line with the
     * register — and can do nothing else: no realm settings, no clients, no admin roles for anyone.
     */
    @Test
    void theRegistrysServiceAccountManagesUsersAndNothingElse() {
        HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", "commonhold-registry",
                "client_secret", realm.registrySecret()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String registry = json(answer).get("access_token").asString();
        String user = adminCall("GET", "/users?exact=true&username=" + newUser(STRONG, List.of()), null, 200).get(0).get("id").asString();

        JsonNode account = JSON.readTree(as(registry, "GET", "/users/" + user, null).body());
        ((tools.jackson.databind.node.ObjectNode) account).putObject("attributes").putArray("communities").add(UUID.randomUUID().toString());
        assertThat(as(registry, "PUT", "/users/" + user, account.toString()).statusCode()).isEqualTo(204);
        JsonNode mappable = JSON.readTree(as(registry, "GET", "/users/" + user + "/role-mappings/realm/available", null).body());
        JsonNode committee = mappable.valueStream().filter(r -> r.get("name").asString().equals("committee")).findFirst().orElseThrow();
        assertThat(as(registry, "POST", "/users/" + user + "/role-mappings/realm", "[" + committee + "]").statusCode()).isEqualTo(204);
        assertThat(as(registry, "DELETE", "/users/" + user + "/role-mappings/realm", "[" + committee + "]").statusCode()).isEqualTo(204);

        assertThat(as(registry, "GET", "/clients", null).statusCode()).as("clients").isEqualTo(403);
        assertThat(as(registry, "PUT", "", "{\"registrationAllowed\": false}").statusCode()).as("realm settings").isEqualTo(403);
        String realmManagement = adminCall("GET", "/clients?clientId=realm-management", null, 200).get(0).get("id").asString();
        JsonNode realmAdmin = adminCall("GET", "/clients/" + realmManagement + "/roles/realm-admin", null, 200);
        assertThat(as(registry, "POST", "/users/" + user + "/role-mappings/clients/" + realmManagement, "[" + realmAdmin + "]")
                .statusCode()).as("granting an admin role").isEqualTo(403);
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseIsRefused() throws Exception {
        String username = newUser(STRONG, List.of("resident"));
        JsonNode tokens = exchange(login(username, STRONG));
        String first = tokens.get("refresh_token").asString();

        HttpResponse<String> rotated = token(Map.of("grant_type", "refresh_token", "refresh_token", first,
                "client_id", "commonhold-gateway", "client_secret", realm.gatewaySecret()));
        HttpResponse<String> reused = token(Map.of("grant_type", "refresh_token", "refresh_token", first,
                "client_id", "commonhold-gateway", "client_secret", realm.gatewaySecret()));

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json(rotated).get("refresh_token").asString()).isNotEqualTo(first);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void thePasswordPolicyHoldsAtItsBoundaries() {
        String username = "wangfang.unit301." + shortId();
        String id = newUserWithoutPassword(username, username + "@example.cn");

        assertThat(setPassword(id, username)).contains("invalidPasswordNotUsernameMessage");
        assertThat(setPassword(id, username + "@example.cn")).contains("invalidPasswordNotEmailMessage");
        assertThat(setPassword(id, "Lotus-Pond7")).as("11 characters").contains("invalidPasswordMinLengthMessage");
        assertThat(setPassword(id, "woaini1314520")).as("on the deny-list").contains("invalidPasswordBlacklistedMessage");
        assertThat(setPassword(id, "Lotus-Pond-7")).as("exactly 12 characters").isEmpty();
        assertThat(setPassword(id, STRONG)).isEmpty();
        assertThat(setPassword(id, "Lotus-Pond-7")).as("used before").contains("invalidPasswordHistoryMessage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform-admin", "operator-admin", "regulator", "committee"})
    void aPrivilegedRoleGetsNoCodeWithoutItsSecondFactor(String role) throws Exception {
        String username = newUser(STRONG, List.of(role));

        Login login = login(username, STRONG);

        assertThat(login.code()).as("no authorization code after the password alone").isNull();
        assertThat(login.page()).as("asked to set up the one-time code").containsIgnoringCase("totp");
    }

    @Test
    void overPlainHttpNothingIsAnsweredUnlessATrustedProxySaysTheRequestCameOverHttps() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        String keys = keycloak.internalUrl() + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/certs";

        HttpResponse<String> direct = plain.send(HttpRequest.newBuilder(URI.create(keys)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forwarded = plain.send(HttpRequest.newBuilder(URI.create(keys)).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(direct.statusCode()).as("sslRequired: all").isEqualTo(403);
        assertThat(direct.body()).contains("HTTPS required");
        assertThat(forwarded.statusCode()).as("a service's key fetch on the internal network (commonhold.security.jwk-set-forwarded-proto)").isEqualTo(200);
        assertThat(json(forwarded).get("keys").size()).isPositive();
    }

    @Test
    void aResidentSignsInWithThePasswordAlone() throws Exception {
        String username = newUser(STRONG, List.of("resident"));

        assertThat(login(username, STRONG).code()).isNotNull();
    }

    // --- a browser's part of the authorization code flow with PKCE, as the gateway will drive it ---

    private record Login(String code, String verifier, String page) {
    }

    private static Login login(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(realm.tls().trustingContext())
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = keycloak.issuerUri() + "/protocol/openid-connect/auth?" + form(Map.of("client_id", "commonhold-gateway",
                "redirect_uri", REDIRECT, "response_type", "code", "scope", "openid", "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as("a login form").isTrue();
        HttpResponse<String> submitted = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "credentialId", "")))).build(),
                HttpResponse.BodyHandlers.ofString());
        // Keycloak may send the browser on to one of its own pages (a required action, the second factor) first.
        for (int hop = 0; hop < 5 && submitted.headers().firstValue("Location").filter(l -> l.startsWith(keycloak.baseUrl())).isPresent(); hop++) {
            submitted = browser.send(HttpRequest.newBuilder(URI.create(submitted.headers().firstValue("Location").orElseThrow())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        String location = submitted.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        return new Login(location.startsWith(REDIRECT) && code.find() ? code.group(1) : null, verifier, submitted.body());
    }

    private static JsonNode exchange(Login login) {
        assertThat(login.code()).as("signed in").isNotNull();
        HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "code", login.code(), "redirect_uri", REDIRECT,
                "client_id", "commonhold-gateway", "client_secret", realm.gatewaySecret(), "code_verifier", login.verifier()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    private static String signedAssertion() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(Map.of("iss", "commonhold-machine", "sub", "commonhold-machine",
                "aud", keycloak.issuerUri(), "jti", UUID.randomUUID().toString(), "iat", now, "exp", now + 60)));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(realm.machineKey().privateKey());
        es256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(es256.sign());
    }

    // --- the admin API, as the first platform administrator would use it ---

    private static String newUser(String password, List<String> roles) {
        String username = "user." + shortId();
        String id = newUserWithoutPassword(username, username + "@example.cn");
        assertThat(setPassword(id, password)).isEmpty();
        for (String role : roles) {
            JsonNode representation = adminCall("GET", "/roles/" + role, null, 200);
            adminCall("POST", "/users/" + id + "/role-mappings/realm", "[" + representation + "]", 204);
        }
        return username;
    }

    private static String newUserWithoutPassword(String username, String email) {
        String user = JSON.writeValueAsString(Map.of("username", username, "email", email, "firstName", "Fang", "lastName", "Wang",
                "enabled", true, "emailVerified", true));
        adminCall("POST", "/users", user, 201);
        return adminCall("GET", "/users?exact=true&username=" + username, null, 200).get(0).get("id").asString();
    }

    /** Empty when Keycloak took the password; otherwise its refusal. */
    private static String setPassword(String userId, String password) {
        String body = JSON.writeValueAsString(Map.of("type", "password", "value", password, "temporary", false));
        HttpResponse<String> answer = adminSend("PUT", "/users/" + userId + "/reset-password", body);
        return answer.statusCode() == 204 ? "" : answer.statusCode() + " " + answer.body();
    }

    private static JsonNode adminCall(String method, String path, String body, int expected) {
        HttpResponse<String> answer = adminSend(method, path, body);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(expected);
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private static HttpResponse<String> adminSend(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path))
                .header("Authorization", "Bearer " + admin.adminToken()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    private static HttpResponse<String> as(String bearer, String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return https.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> texts(JsonNode node) {
        return node.isArray() ? node.valueStream().map(JsonNode::asString).toList() : List.of(node.asString());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
