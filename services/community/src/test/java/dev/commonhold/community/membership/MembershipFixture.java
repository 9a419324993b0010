package dev.commonhold.community.membership;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A community of 120 units (RegistryFixture.sheet), and the calls of joining one. */
public final class MembershipFixture {

    public final RegistryFixture registry;
    public final UUID community;

    public MembershipFixture(int port) {
        registry = new RegistryFixture(port);
        community = registry.registerCommunity("劲松北社区 " + UUID.randomUUID().toString().substring(0, 6), "110105");
        ApiResponse imported = registry.importSheet(community, RegistryFixture.sheet(120));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    }

    public String path(String rest) {
        return "/api/community/communities/" + community + rest;
    }

    /** A signed-in user bound to nothing yet: a self-registered login. */
    public TestTokens.User newcomer() {
        return Infra.tokens().user("newcomer-" + UUID.randomUUID().toString().substring(0, 6));
    }

    public UUID building(String name) {
        return UUID.fromString(registry.as(registry.operator()).get(path("/buildings")).json().valueStream()
                .filter(b -> b.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asString());
    }

    /** The unit's JSON (id, ownerId …) as the operator sees it. */
    public JsonNode unit(String building, String number) {
        return registry.as(registry.operator()).get(path("/units?limit=500&buildingId=" + building(building))).json().get("items").valueStream()
                .filter(u -> u.get("number").asString().equals(number)).findFirst().orElseThrow();
    }

    public UUID unitId(String building, String number) {
        return UUID.fromString(unit(building, number).get("id").asString());
    }

    /** A new code for the unit, issued by the operator's staff; its display form (XXXX-XXXX-XXXX). */
    public String issue(String building, String number, String kind) {
        ApiResponse issued = registry.as(registry.staff()).post(path("/units/" + unitId(building, number) + "/invitations"), Map.of("kind", kind));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("code").asString();
    }

    public ApiResponse redeem(String token, String code) {
        return registry.as(token).post("/api/community/invitations/redemptions", Map.of("code", code));
    }

    public ApiResponse redeem(String token, String code, String name) {
        return registry.as(token).post("/api/community/invitations/redemptions", Map.of("code", code, "name", name));
    }

    /** The user's household in this community, with a token that names it (as their next token will). */
    public JsonNode household(TestTokens.User user) {
        return registry.as(user.roles("resident").communities(community).token()).get(path("/households/mine")).json();
    }
}
