package dev.commonhold.platform.testkit;

import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The realm in infra/keycloak, imported into real Keycloak, issues the tokens services expect. */
class KeycloakRealmIT {

    private final KeycloakClient keycloak = Infra.keycloak().client();

    @Test
    void demoResidentGetsATokenWithRealmRolesForTheCommonholdApi() {
        JsonNode claims = claimsOf(keycloak.passwordToken("resident", "resident"));

        assertThat(claims.get("iss").asString()).isEqualTo(Infra.keycloak().issuerUri());
        assertThat(claims.get("sub").asString()).isEqualTo("1b0e8a52-6f1d-4c41-9d1e-000000000001");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("resident");
        assertThat(texts(claims.get("realm_access").get("roles"))).contains("resident").doesNotContain("committee");
        assertThat(texts(claims.get("aud"))).contains("commonhold-api");
    }

    @Test
    void communitiesSetByAnAdministratorAppearAsAClaim() {
        UUID community = UUID.randomUUID();
        keycloak.setAttributes("committee", Map.of("communities", List.of(community.toString())));

        JsonNode claims = claimsOf(keycloak.passwordToken("committee", "committee"));

        assertThat(texts(claims.get("communities"))).containsExactly(community.toString());
        assertThat(texts(claims.get("realm_access").get("roles"))).contains("committee", "resident");
    }

    @Test
    void operatorCarriesItsCompanyAndRegulatorItsJurisdiction() {
        assertThat(claimsOf(keycloak.passwordToken("operator", "operator")).get("company").asString())
                .isEqualTo("7c0d3e2a-0000-4000-8000-000000000001");
        assertThat(texts(claimsOf(keycloak.passwordToken("regulator", "regulator")).get("jurisdiction"))).containsExactly("110105");
    }

    @Test
    void machineClientAuthenticatesWithItsSecret() {
        JsonNode claims = claimsOf(keycloak.clientToken("commonhold-machine", "machine-secret"));
        assertThat(texts(claims.get("realm_access").get("roles"))).contains("platform-admin");
    }

    @Test
    void wrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> keycloak.passwordToken("resident", "wrong")).hasMessageContaining("invalid_grant");
    }

    private static JsonNode claimsOf(String jwt) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> texts(JsonNode node) {
        return node.isArray() ? node.valueStream().map(JsonNode::asString).toList() : List.of(node.asString());
    }
}
