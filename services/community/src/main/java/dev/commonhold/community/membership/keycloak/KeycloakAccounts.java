package dev.commonhold.community.membership.keycloak;

import dev.commonhold.community.membership.app.Accounts;
import dev.commonhold.community.membership.domain.AccountClaims;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Users' accounts through Keycloak's Admin REST API ({@link KeycloakAdmin}: the registry's own service
 * account, which may manage users and read events, nothing else in this realm). Reads the user, writes its {@code communities} attribute only when it differs,
 * and adds or removes the {@code resident} and {@code committee} realm roles.
 */
@Component
class KeycloakAccounts implements Accounts {

    private static final Set<String> ROLES = Set.of(AccountClaims.RESIDENT_ROLE, AccountClaims.COMMITTEE_ROLE);

    private final KeycloakAdmin admin;

    KeycloakAccounts(KeycloakAdmin admin) {
        this.admin = admin;
    }

    @Override
    public synchronized Outcome apply(String userId, AccountClaims claims) {
        String user = admin.adminUrl() + "/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        HttpResponse<String> found = admin.send(admin.get(user));
        if (found.statusCode() == 404) {
            return Outcome.NO_SUCH_USER;
        }
        JsonNode account = admin.expect(found, 200, "read user");
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
        admin.expect(admin.send(admin.request(user).header("Content-Type", "application/json").PUT(admin.body(account)).build()), 204, "write attributes");
        return true;
    }

    private boolean setRoles(String user, AccountClaims claims) {
        Map<String, Boolean> wanted = Map.of(AccountClaims.RESIDENT_ROLE, claims.resident(), AccountClaims.COMMITTEE_ROLE, claims.committee());
        JsonNode mapped = admin.expect(admin.send(admin.get(user + "/role-mappings/realm")), 200, "read roles");
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
            for (JsonNode role : admin.expect(admin.send(admin.get(user + "/role-mappings/realm/available")), 200, "read mappable roles")) {
                String name = role.path("name").asString();
                if (ROLES.contains(name) && wanted.get(name) && !has.contains(name)) {
                    add.add(role);
                }
            }
        }
        if (!add.isEmpty()) {
            admin.expect(admin.send(admin.request(user + "/role-mappings/realm").header("Content-Type", "application/json").POST(admin.body(add)).build()), 204, "add roles");
        }
        if (!remove.isEmpty()) {
            admin.expect(admin.send(admin.request(user + "/role-mappings/realm").header("Content-Type", "application/json")
                    .method("DELETE", admin.body(remove)).build()), 204, "remove roles");
        }
        return !add.isEmpty() || !remove.isEmpty();
    }
}
