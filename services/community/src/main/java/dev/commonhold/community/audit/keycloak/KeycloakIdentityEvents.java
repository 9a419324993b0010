package dev.commonhold.community.audit.keycloak;

import dev.commonhold.community.audit.app.IdentityEvents;
import dev.commonhold.community.membership.keycloak.KeycloakAdmin;
import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.audit.AuditKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads Keycloak's event store through its Admin API ({@code GET …/events} and {@code …/admin-events}, oldest
 * first, from a time in epoch milliseconds) and turns each event into an audit entry whose id is derived from
 * Keycloak's event id. The actor's login and company come from their account, looked up once per user.
 */
@Component
class KeycloakIdentityEvents implements IdentityEvents {

    /** What a user event means for the trail; other types are not asked for. */
    private static final Map<String, AuditKind> KINDS = Map.of("LOGIN", AuditKind.SIGN_IN, "LOGIN_ERROR", AuditKind.SIGN_IN_FAILED,
            "CODE_TO_TOKEN_ERROR", AuditKind.SIGN_IN_FAILED, "LOGOUT", AuditKind.SIGN_OUT, "LOGOUT_ERROR", AuditKind.SIGN_OUT);
    /** Admin events about who may do what: role mappings, and accounts (their community and company attributes). */
    private static final List<String> RESOURCES = List.of("REALM_ROLE_MAPPING", "CLIENT_ROLE_MAPPING", "USER");
    private static final int USERS_REMEMBERED = 2_000;

    private final KeycloakAdmin admin;
    private final Map<String, Account> accounts = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Account> eldest) {
            return size() > USERS_REMEMBERED;
        }
    });

    KeycloakIdentityEvents(KeycloakAdmin admin) {
        this.admin = admin;
    }

    private record Account(String login, UUID company) {
    }

    @Override
    public List<AuditEntry> page(String stream, long sinceEpochMillis, int first, int max) {
        boolean signIns = stream.equals(SIGN_INS);
        StringBuilder query = new StringBuilder(signIns ? "/events?" : "/admin-events?");
        (signIns ? KINDS.keySet() : RESOURCES).forEach(t -> query.append(signIns ? "type=" : "resourceTypes=").append(t).append('&'));
        query.append("dateFrom=").append(sinceEpochMillis).append("&direction=asc&first=").append(first).append("&max=").append(max);
        List<AuditEntry> entries = new ArrayList<>();
        for (JsonNode event : admin.read(query.toString(), "read " + stream)) {
            entries.add(signIns ? signIn(event) : accountChange(event));
        }
        return entries;
    }

    private AuditEntry signIn(JsonNode event) {
        String type = event.path("type").asString();
        String userId = text(event, "userId");
        String error = text(event, "error");
        Account account = account(userId, event.path("details").path("username").asString(null));
        AuditKind kind = KINDS.get(type);
        String action = "identity." + type.toLowerCase(Locale.ROOT).replace('_', '-') + (error == null ? "" : "." + error.toLowerCase(Locale.ROOT).replace('_', '-'));
        return new AuditEntry(id("event", event), "keycloak", Instant.ofEpochMilli(event.path("time").asLong()), kind, action,
                error == null ? AuditEntry.Outcome.DONE : AuditEntry.Outcome.FAILED, new AuditEntry.Actor(userId, account.login(), List.of(),
                account.company()), null, new AuditEntry.Target(type.startsWith("LOGOUT") ? "LOGOUT" : "LOGIN", "client " + text(event, "clientId"), 0),
                new AuditEntry.From(text(event, "ipAddress"), null));
    }

    private AuditEntry accountChange(JsonNode event) {
        JsonNode by = event.path("authDetails");
        String userId = text(by, "userId");
        Account account = account(userId, null);
        String action = "identity.%s.%s".formatted(event.path("resourceType").asString().toLowerCase(Locale.ROOT).replace('_', '-'),
                event.path("operationType").asString().toLowerCase(Locale.ROOT));
        return new AuditEntry(id("admin-event", event), "keycloak", Instant.ofEpochMilli(event.path("time").asLong()), AuditKind.ROLE_CHANGE,
                action, text(event, "error") == null ? AuditEntry.Outcome.DONE : AuditEntry.Outcome.FAILED,
                new AuditEntry.Actor(userId, account.login(), List.of(), account.company()), null,
                new AuditEntry.Target(event.path("operationType").asString(), String.valueOf(text(event, "resourcePath")), 0),
                new AuditEntry.From(text(by, "ipAddress"), null));
    }

    /** Keycloak's own event id when it gives one; otherwise what makes the event unique. */
    private static UUID id(String stream, JsonNode event) {
        String key = text(event, "id") != null ? text(event, "id")
                : event.path("time").asString() + "|" + event.path("type").asString() + event.path("operationType").asString() + "|"
                + text(event, "userId") + "|" + text(event, "sessionId") + "|" + text(event, "resourcePath");
        return UUID.nameUUIDFromBytes(("keycloak:" + stream + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The user's login and company; a failed sign-in of no known user keeps the name that was typed. */
    private Account account(String userId, String typed) {
        if (userId == null) {
            return new Account(typed, null);
        }
        Account known = accounts.computeIfAbsent(userId, id -> {
            try {
                JsonNode user = admin.read("/users/" + URLEncoder.encode(id, StandardCharsets.UTF_8), "read user");
                String company = user.path("attributes").path("company").path(0).asString(null);
                return new Account(user.path("username").asString(null), company == null ? null : uuid(company));
            } catch (RuntimeException gone) { // deleted since: the typed name is all there is
                return null;
            }
        });
        return known == null ? new Account(typed, null) : known;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
