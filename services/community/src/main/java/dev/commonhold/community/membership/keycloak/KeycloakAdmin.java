package dev.commonhold.community.membership.keycloak;

import dev.commonhold.community.membership.app.Accounts.AccountsUnavailable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak's Admin REST API as the registry's own service account (client {@code commonhold-registry}:
 * realm-management's {@code manage-users}, to keep accounts in step with the register, and
 * {@code view-events}, to copy sign-ins into the audit trail). Its token is kept until 30 s before it
 * expires; every call has a 5 s timeout and fails as {@link AccountsUnavailable}.
 */
@Component
public class KeycloakAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String tokenUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private final String forwardedProto;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    KeycloakAdmin(@Value("${commonhold.accounts.keycloak-url}") String keycloakUrl, @Value("${commonhold.accounts.realm:commonhold}") String realm,
                  @Value("${commonhold.accounts.client-id}") String clientId, @Value("${commonhold.accounts.client-secret}") String clientSecret,
                  @Value("${commonhold.accounts.forwarded-proto:}") String forwardedProto) {
        String base = keycloakUrl.replaceAll("/+$", "");
        this.tokenUrl = base + "/realms/" + realm + "/protocol/openid-connect/token";
        this.adminUrl = base + "/admin/realms/" + realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.forwardedProto = forwardedProto;
    }

    /** e.g. {@code http://keycloak:8080/admin/realms/commonhold} */
    public String adminUrl() {
        return adminUrl;
    }

    /** GETs {@code adminUrl + pathAndQuery} and expects 200. */
    public JsonNode read(String pathAndQuery, String step) {
        return expect(send(get(adminUrl + pathAndQuery)), 200, step);
    }

    HttpRequest get(String url) {
        return request(url).GET().build();
    }

    HttpRequest.Builder request(String url) {
        return forwarded(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)).header("Authorization", "Bearer " + token());
    }

    /**
     * On a server the call goes over the internal network in plain HTTP to a realm that requires
     * HTTPS; Keycloak takes it as HTTPS only on the word of a proxy it trusts (the apps network).
     */
    private HttpRequest.Builder forwarded(HttpRequest.Builder request) {
        return forwardedProto.isBlank() ? request : request.header("X-Forwarded-Proto", forwardedProto);
    }

    HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
    }

    /** A service-account token, kept until 30 s before it expires. */
    private synchronized String token() {
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

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AccountsUnavailable("Keycloak unreachable at " + request.uri().getHost() + ":" + request.uri().getPort() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountsUnavailable("interrupted", e);
        }
    }

    JsonNode expect(HttpResponse<String> response, int status, String step) {
        if (response.statusCode() == 401) {
            synchronized (this) {
                token = null; // expired early or Keycloak restarted with new keys: fetch a new one next time
            }
        }
        if (response.statusCode() != status) {
            throw new AccountsUnavailable("%s: Keycloak answered %d %s".formatted(step, response.statusCode(),
                    response.body().length() > 300 ? response.body().substring(0, 300) : response.body()), null);
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }
}
