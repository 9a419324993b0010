package dev.commonhold.community.audit;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import dev.commonhold.platform.testkit.keycloak.KeycloakServer;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-ins reach the audit trail from a real Keycloak with the realm from infra/keycloak (its events on, the
 * registry's service account allowed to read them): a sign-in, a wrong password and a role given by an
 * administrator, each with who and from where; the person's company's admin sees them, another company's does not.
 */
@IntegrationTest
class SignInCopyIT {

    private static final KeycloakServer keycloak = Infra.keycloak();
    private static final String PASSWORD = "Willow-Lane-4-Gate";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloakEvents(DynamicPropertyRegistry properties) {
        properties.add("commonhold.accounts.keycloak-url", keycloak::internalUrl);
        properties.add("commonhold.audit.copy-every", () -> "PT1S");
        properties.add("commonhold.audit.copy-first", () -> "PT1S");
    }

    @Test
    void aSignInAWrongPasswordAndARoleGivenAreInTheTrailForTheCompanyOfThePerson() {
        KeycloakClient accounts = keycloak.client();
        UUID company = UUID.randomUUID();
        String login = "cashier." + UUID.randomUUID().toString().substring(0, 8);
        String userId = accounts.createUser(login, PASSWORD);
        accounts.setAttributes(login, Map.of("company", List.of(company.toString())));
        accounts.grantRealmRoles(login, "operator-staff");
        accounts.passwordToken(login, PASSWORD);
        assertThatThrownBy(() -> accounts.passwordToken(login, "not-the-password"));

        Api api = new Api("http://localhost:" + port);
        String admin = Infra.tokens().user("admin").roles("operator-admin").company(company).token();
        String trail = "/api/community/audit?login=" + login;
        List<JsonNode> entries = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            entries.clear();
            entries.addAll(items(api.as(admin).get(trail)));
            return entries.stream().map(e -> e.get("kind").asString()).toList().containsAll(List.of("SIGN_IN", "SIGN_IN_FAILED"));
        });
        JsonNode signIn = entries.stream().filter(e -> e.get("kind").asString().equals("SIGN_IN")).findFirst().orElseThrow();
        assertThat(signIn.get("source").asString()).isEqualTo("keycloak");
        assertThat(signIn.get("outcome").asString()).isEqualTo("DONE");
        assertThat(signIn.at("/actor/subject").asString()).isEqualTo(userId);
        assertThat(signIn.at("/actor/company").asString()).isEqualTo(company.toString());
        assertThat(signIn.at("/target/path").asString()).isEqualTo("client " + KeycloakClient.CLI_CLIENT);
        assertThat(signIn.at("/from/address").asString()).isNotBlank();
        JsonNode failed = entries.stream().filter(e -> e.get("kind").asString().equals("SIGN_IN_FAILED")).findFirst().orElseThrow();
        assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.get("action").asString()).isEqualTo("identity.login-error.invalid-user-credentials");

        String platform = Infra.tokens().user("root").roles("platform-admin").token();
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> items(api.as(platform)
                .get("/api/community/audit?kind=ROLE_CHANGE&action=identity.realm-role-mapping")).stream()
                .anyMatch(e -> e.at("/target/path").asString().equals("users/" + userId + "/role-mappings/realm")));

        String rival = Infra.tokens().user("rival").roles("operator-admin").company(UUID.randomUUID()).token();
        assertThat(items(api.as(rival).get(trail))).isEmpty();
    }

    private static List<JsonNode> items(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }
}
