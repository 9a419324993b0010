package dev.commonhold.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the audit trail, as {@code audit.entry-recorded.v1} carries it.
 *
 * @param source      the service that saw the action ({@code keycloak} for sign-ins)
 * @param communityId the action's community, null when it belongs to none
 */
public record AuditEntry(UUID entryId, String source, Instant at, AuditKind kind, String action, Outcome outcome, Actor actor,
                         UUID communityId, Target target, From from) {

    public static final String TYPE = "audit.entry-recorded.v1";
    /** The envelope's community when the entry has none: events always carry one. */
    public static final UUID NO_COMMUNITY = new UUID(0, 0);

    public enum Outcome { DONE, DENIED, FAILED }

    /** @param company the operating company the actor works for, null for residents, regulators and machines */
    public record Actor(String subject, String login, List<String> roles, UUID company) {
    }

    /** @param status the HTTP status answered; 0 for a sign-in */
    public record Target(String method, String path, int status) {
    }

    /** @param address the caller's IP address as the gateway saw it */
    public record From(String address, String userAgent) {
    }

    /** Cuts what a caller controls to the lengths the contract allows, so a long header never loses an entry. */
    public AuditEntry {
        action = cut(action, 120);
        target = new Target(cut(target.method(), 10), cut(target.path(), 500), target.status());
        from = new From(cut(from.address(), 64), cut(from.userAgent(), 300));
        actor = new Actor(cut(actor.subject(), 100), cut(actor.login(), 255), actor.roles().stream().map(r -> cut(r, 60)).toList(), actor.company());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
