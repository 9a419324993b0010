package dev.commonhold.community.membership.keycloak;

import dev.commonhold.community.membership.app.Accounts;
import dev.commonhold.community.membership.domain.AccountClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Users' accounts through Keycloak's Admin REST API, as the registry's own service account
 * (client {@code commonhold-registry}, whose only right is realm-management's {@code manage-users}
 * in this realm). Reads the user, writes its {@code communities} attribute only when it differs,
 * and adds or removes the {@code resident} and {@code committee} realm roles.
 */
@Component
class KeycloakAccounts implements Accounts {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> ROLES = Set.of(AccountClaims.RESIDENT_ROLE, AccountClaims.COMMITTEE_ROLE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String tokenUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private final String forwardedProto;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    KeycloakAccounts(@Value("${commonhold.accounts.keycloak-url}") String keycloakUrl, @Value("${commonhold.accounts.realm:commonhold}") String realm,
                     @Value("${commonhold.accounts.client-id}") String clientId, @Value("${commonhold.accounts.client-secret}") String clientSecret,
                     @Value("${commonhold.accounts.forwarded-proto:}") String forwardedProto) {
        String base = keycloakUrl.replaceAll("/+$", "");
        this.tokenUrl = base + "/realms/" + realm + "/protocol/openid-connect/token";
        this.adminUrl = base + "/admin/realms/" + realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.forwardedProto = forwardedProto;
    }

    @Override
    public synchronized Outcome apply(String userId, AccountClaims claims) {
        String user = adminUrl + "/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        HttpResponse<String> found = send(get(user));
        if (found.statusCode() == 404) {
            return Outcome.NO_SUCH_USER;
        }
        JsonNode account = expect(found, 200, "read user");
        boolean attributeChanged = setCommunities(user, (ObjectNode) account, claims.communities());
        boolean rolesChanged = setRoles(user, claims);
        return attributeChanged || rolesChanged ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    private boolean setCommunities(String user, ObjectNode account, SortedSet<String> wanted) {
        SortedSet<String> current = new TreeSet<>();
        account.path("attributes").path("communities").forEach(v -> current.add(v.asString()));
        if (current.equals(wanted)) {
            return false;
        }
        ObjectNode attributes = account.has("attributes") ? (ObjectNode) account.get("attributes") : account.putObject("attributes");
        if (wanted.isEmpty()) {
            attributes.remove("communities");
        } else {
            ArrayNode values = attributes.putArray("communities");
            wanted.forEach(values::add);
        }
        expect(send(request(user).header("Content-Type", "application/json").PUT(body(account)).build()), 204, "write attributes");
        return true;
    }

    private boolean setRoles(String user, AccountClaims claims) {
        Map<String, Boolean> wanted = Map.of(AccountClaims.RESIDENT_ROLE, claims.resident(), AccountClaims.COMMITTEE_ROLE, claims.committee());
        JsonNode mapped = expect(send(get(user + "/role-mappings/realm")), 200, "read roles");
        List<JsonNode> remove = new ArrayList<>();
        Set<String> has = new TreeSet<>();
        for (JsonNode role : mapped) {
            String name = role.path("name").asString();
            if (ROLES.contains(name)) {
                has.add(name);
                if (!wanted.get(name)) {
                    remove.add(role);
                }
            }
        }
        List<JsonNode> add = new ArrayList<>();
        if (wanted.entrySet().stream().anyMatch(w -> w.getValue() && !has.contains(w.getKey()))) {
            // Roles this client may map to the user, with the ids Keycloak needs (manage-users suffices to read these).
            for (JsonNode role : expect(send(get(user + "/role-mappings/realm/available")), 200, "read mappable roles")) {
                String name = role.path("name").asString();
                if (ROLES.contains(name) && wanted.get(name) && !has.contains(name)) {
                    add.add(role);
                }
            }
        }
        if (!add.isEmpty()) {
            expect(send(request(user + "/role-mappings/realm").header("Content-Type", "application/json").POST(body(add)).build()), 204, "add roles");
        }
        if (!remove.isEmpty()) {
            expect(send(request(user + "/role-mappings/realm").header("Content-Type", "application/json")
                    .method("DELETE", body(remove)).build()), 204, "remove roles");
        }
        return !add.isEmpty() || !remove.isEmpty();
    }

    private HttpRequest get(String url) {
        return request(url).GET().build();
    }

    private HttpRequest.Builder request(String url) {
        return forwarded(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)).header("Authorization", "Bearer " + token());
    }

    /**
     * On a server the call goes over the internal network in plain HTTP to a realm that requires
     * HTTPS; Keycloak takes it as HTTPS only on the word of a proxy it trusts (the apps network).
     */
    private HttpRequest.Builder forwarded(HttpRequest.Builder request) {
        return forwardedProto.isBlank() ? request : request.header("X-Forwarded-Proto", forwardedProto);
    }

    private HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
    }

    /** A service-account token, kept until 30 s before it expires. */
    private String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        JsonNode answer = expect(send(forwarded(HttpRequest.newBuilder(URI.create(tokenUrl))).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build()),
                200, "service-account token");
        token = answer.get("access_token").asString();
        tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AccountsUnavailable("Keycloak unreachable at " + request.uri().getHost() + ":" + request.uri().getPort() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountsUnavailable("interrupted", e);
        }
    }

    private JsonNode expect(HttpResponse<String> response, int status, String step) {
        if (response.statusCode() == 401) {
            token = null; // expired early or Keycloak restarted with new keys: fetch a new one next time
        }
        if (response.statusCode() != status) {
            throw new AccountsUnavailable("%s: Keycloak answered %d %s".formatted(step, response.statusCode(),
                    response.body().length() > 300 ? response.body().substring(0, 300) : response.body()), null);
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }
}
