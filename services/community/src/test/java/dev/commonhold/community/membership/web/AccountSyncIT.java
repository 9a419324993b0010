package dev.commonhold.community.membership.web;

import dev.commonhold.community.membership.MembershipFixture;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import dev.commonhold.platform.testkit.keycloak.RestartableKeycloak;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token follows the register (issue 15), against a real Keycloak with the realm from
 * infra/keycloak: the registry's service account gives a bound login its community and the
 * resident role, gives and takes the committee role with the committee — and while Keycloak is
 * stopped a committee change still commits, its account update waiting until Keycloak is back.
 */
@IntegrationTest
class AccountSyncIT {

    private static final String PASSWORD = "Lotus-Pond-7-Bridge";
    private static final RestartableKeycloak keycloak = Infra.restartableKeycloak();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void registryAccount(DynamicPropertyRegistry properties) {
        properties.add("commonhold.accounts.keycloak-url", keycloak::baseUrl);
        properties.add("commonhold.accounts.max-backoff", () -> "PT2S");
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.close();
    }

    @Test
    void aCodeGivesTheLoginItsCommunityAndTheResidentRoleInItsNextToken() {
        MembershipFixture f = new MembershipFixture(port);
        KeycloakClient accounts = keycloak.client();
        String username = "owner." + UUID.randomUUID().toString().substring(0, 8);
        String userId = accounts.createUser(username, PASSWORD);
        JsonNode before = KeycloakClient.claims(accounts.passwordToken(username, PASSWORD));
        assertThat(before.path("communities").isMissingNode() || before.path("communities").isEmpty()).isTrue();

        ApiResponse bound = f.redeem(Infra.tokens().user(username).subject(userId).token(), f.issue("1", "301", "owner"));

        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        await("the registry has updated the account", () -> !queued(userId));
        String next = accounts.passwordToken(username, PASSWORD);
        assertThat(communities(next)).containsExactly(f.community.toString());
        assertThat(roles(next)).contains("resident").doesNotContain("committee");
    }

    @Test
    void aFormerCommitteeMembersNextTokenHasNoCommitteeRightsEvenWhenKeycloakWasStoppedDuringTheChange() {
        MembershipFixture f = new MembershipFixture(port);
        KeycloakClient accounts = keycloak.client();
        String chair = "chair." + UUID.randomUUID().toString().substring(0, 8);
        String chairId = accounts.createUser(chair, PASSWORD);
        String successor = "successor." + UUID.randomUUID().toString().substring(0, 8);
        String successorId = accounts.createUser(successor, PASSWORD);
        assertThat(appoint(f, chairId).status()).isEqualTo(200);
        await("the registry has updated the chair's account", () -> !queued(chairId));
        assertThat(roles(accounts.passwordToken(chair, PASSWORD))).contains("committee");
        assertThat(communities(accounts.passwordToken(chair, PASSWORD))).containsExactly(f.community.toString());

        keycloak.stop();
        ApiResponse changed = appoint(f, successorId);
        assertThat(changed.status()).as("the change commits with Keycloak away: " + changed.body()).isEqualTo(200);
        await("a failed try", () -> jdbc.queryForObject("SELECT coalesce(max(attempts), 0) FROM account_sync WHERE user_id = ?", Integer.class,
                chairId) > 0);
        assertThat(queued(chairId)).as("the chair's update waits for Keycloak").isTrue();
        keycloak.start();

        await("the former chair's next token has no committee rights", () -> !queued(chairId) && !queued(successorId));
        String former = accounts.passwordToken(chair, PASSWORD);
        assertThat(roles(former)).doesNotContain("committee");
        assertThat(communities(former)).isEmpty();
        assertThat(accounts.realmRoles(chair)).doesNotContain("committee", "resident");
        assertThat(roles(accounts.passwordToken(successor, PASSWORD))).contains("committee");
        assertThat(communities(accounts.passwordToken(successor, PASSWORD))).containsExactly(f.community.toString());
    }

    private ApiResponse appoint(MembershipFixture f, String userId) {
        String owner = f.unit("1", "101").get("ownerId").asString();
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(Map.of("name", "李伟", "role", "chair", "ownerId", owner, "userId", userId));
        return f.registry.as(f.registry.operator()).put(f.path("/committee"), Map.of("kind", "owners_committee",
                "termStart", "2026-01-01", "termEnd", "2030-12-31", "members", members));
    }

    private boolean queued(String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM account_sync WHERE user_id = ?", Integer.class, userId) > 0;
    }

    private static List<String> communities(String token) {
        return KeycloakClient.claims(token).path("communities").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> roles(String token) {
        return KeycloakClient.claims(token).path("realm_access").path("roles").valueStream().map(JsonNode::asString).toList();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(condition);
    }
}
