package dev.commonhold.platform.testkit.keycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few Keycloak calls tests and the local stack need: tokens by password or client
 * credentials, and setting a user's attributes (which become the communities / company /
 * jurisdiction claims) through the admin API.
 */
public final class KeycloakClient {

    /** Public client with direct grants, for scripts and demos (see infra/keycloak). */
    public static final String CLI_CLIENT = "commonhold-cli";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final String realm;

    public KeycloakClient(String baseUrl, String realm) {
        this(baseUrl, realm, HttpClient.newHttpClient());
    }

    /** Over a client of the caller's, e.g. one trusting a test certificate. */
    public KeycloakClient(String baseUrl, String realm, HttpClient http) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.http = http;
    }

    public String passwordToken(String username, String password) {
        return tokenFrom(realm, Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password));
    }

    public String clientToken(String clientId, String secret) {
        return tokenFrom(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The user's id, which is the {@code sub} of their tokens. */
    public String userId(String username) {
        return user(adminToken(), username).get("id").asString();
    }

    /** Replaces the named attributes of a user, keeping the others and the rest of the profile. */
    public void setAttributes(String username, Map<String, List<String>> attributes) {
        String admin = adminToken();
        String users = baseUrl + "/admin/realms/" + realm + "/users";
        ObjectNode user = user(admin, username);
        ObjectNode merged = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.forEach((name, values) -> merged.set(name, JSON.valueToTree(values)));
        HttpRequest put = HttpRequest.newBuilder(URI.create(users + "/" + user.get("id").asString()))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build();
        send(put, 204);
    }

    /**
     * Adds {@code values} to the user's attribute {@code name}, keeping what it holds: a seed that
     * runs at every start must never take away what an administrator gave (a second community).
     */
    public void addToAttribute(String username, String name, List<String> values) {
        java.util.LinkedHashSet<String> merged = new java.util.LinkedHashSet<>(attributes(username).getOrDefault(name, List.of()));
        merged.addAll(values);
        setAttributes(username, Map.of(name, List.copyOf(merged)));
    }

    /** The user's attributes as Keycloak holds them. */
    public Map<String, List<String>> attributes(String username) {
        JsonNode attributes = user(adminToken(), username).path("attributes");
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        attributes.properties().forEach(e -> out.put(e.getKey(), e.getValue().valueStream().map(JsonNode::asString).toList()));
        return out;
    }

    /** A user with a password, made by the administrator (tests that need a login of their own); returns its id. */
    public String createUser(String username, String password) {
        String admin = adminToken();
        String users = baseUrl + "/admin/realms/" + realm + "/users";
        String body = JSON.writeValueAsString(Map.of("username", username, "email", username + "@example.cn", "firstName", "Fang",
                "lastName", "Wang", "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
        return userId(username);
    }

    /** Gives a user these realm roles (tests that need a login of another company or community). */
    public void grantRealmRoles(String username, String... roles) {
        String admin = adminToken();
        String id = user(admin, username).get("id").asString();
        List<JsonNode> representations = java.util.Arrays.stream(roles)
                .map(role -> send(get(baseUrl + "/admin/realms/" + realm + "/roles/" + encode(role), admin), 200)).toList();
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representations))).build(), 204);
    }

    /** Changes these settings of the realm, leaving the others (e.g. {@code accessTokenLifespan} in seconds). */
    public void updateRealm(Map<String, Object> settings) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(settings))).build(), 204);
    }

    /** The ID token (not an access token) of a password sign-in with scope openid. */
    public String idToken(String username, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&scope=openid&client_id=" + CLI_CLIENT
                        + "&username=" + encode(username) + "&password=" + encode(password))).build();
        return send(request, 200).get("id_token").asString();
    }

    /** The user's realm roles as mapped directly (not through composites). */
    public List<String> realmRoles(String username) {
        String admin = adminToken();
        String id = user(admin, username).get("id").asString();
        return send(get(baseUrl + "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm", admin), 200).valueStream()
                .map(r -> r.get("name").asString()).toList();
    }

    /**
     * Lets a client send people back to {@code origin} after sign-in and sign-out (an end-to-end stack's
     * gateway on a port of its own); keeps the addresses it already allows.
     */
    public void allowRedirectsTo(String clientId, String origin) {
        String admin = adminToken();
        String clients = baseUrl + "/admin/realms/" + realm + "/clients";
        ObjectNode client = (ObjectNode) send(get(clients + "?clientId=" + encode(clientId), admin), 200).get(0);
        ((tools.jackson.databind.node.ArrayNode) client.withArray("redirectUris")).add(origin + "/*");
        ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asString("");
        attributes.put("post.logout.redirect.uris", (logout.isBlank() ? "" : logout + "##") + origin + "/*");
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString())).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(), 204);
    }

    /** The claims of a token (its payload, not checked: the services check it). */
    public static JsonNode claims(String token) {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** A token of the master realm's bootstrap administrator, for the admin API. */
    public String adminToken() {
        return tokenFrom("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD));
    }

    private ObjectNode user(String admin, String username) {
        JsonNode found = send(get(baseUrl + "/admin/realms/" + realm + "/users?exact=true&username=" + encode(username), admin), 200);
        if (found.isEmpty()) {
            throw new IllegalStateException("no user " + username + " in realm " + realm);
        }
        return (ObjectNode) found.get(0);
    }

    private String tokenFrom(String realmName, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realmName + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"))))
                .build();
        return send(request, 200).get("access_token").asString();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered %d to %s %s: %s".formatted(
                        response.statusCode(), request.method(), request.uri().getPath(), response.body()));
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
