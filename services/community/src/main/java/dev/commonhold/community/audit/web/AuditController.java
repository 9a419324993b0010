package dev.commonhold.community.audit.web;

import dev.commonhold.community.audit.app.AuditEntries;
import dev.commonhold.community.audit.app.AuditTrailQueries;
import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The audit trail (审计日志): sign-ins, approvals, role and binding changes, exports and reads of personal data,
 * across every service, newest first — for operator admins (their communities and their people), regulators
 * (their jurisdiction) and platform admins.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Audit trail")
class AuditController {

    private final AuditTrailQueries queries;

    AuditController(AuditTrailQueries queries) {
        this.queries = queries;
    }

    /**
     * @param communityId only what was done in this community
     * @param login       only what this login did
     * @param kind        SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, APPROVAL, ROLE_CHANGE, BINDING_CHANGE, EXPORT, PERSONAL_DATA_READ or MONEY_CORRECTION
     * @param action      only actions starting with this, e.g. {@code trust.} or {@code trust.payment-request.decide}
     * @param from        from this instant (ISO 8601, e.g. 2026-12-01T00:00:00+08:00), inclusive
     * @param to          before this instant, exclusive
     */
    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.audit.read") // who watched the watchers: the trail names people and addresses
    @GetMapping("/api/community/audit")
    Page<AuditEntry> audit(Viewer viewer,
                           @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uuid"))
                           @RequestParam(required = false) String communityId, @RequestParam(required = false) String login,
                           @RequestParam(required = false) String kind, @RequestParam(required = false) String action,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        queries.requireOverseer(viewer);
        int size = Cursors.limit(limit);
        String after = Cursors.after(cursor);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (after != null) {
            String[] key = after.split("\\|", 2);
            beforeAt = instant("cursor", key[0], "not a cursor this API gave out; start again without it");
            beforeId = uuid(key.length == 2 ? key[1] : "");
        }
        Instant since = instant("from", from, null);
        Instant until = instant("to", to, null);
        if (since != null && until != null && !until.isAfter(since)) {
            throw ProblemException.invalid("to", "must be after from (" + from + ")");
        }
        AuditEntries.Query query = new AuditEntries.Query(community(communityId), text("login", login, 255), kind(kind), text("action", action, 120),
                since, until, beforeAt, beforeId);
        return Cursors.page(queries.find(viewer, query, size + 1), size, e -> e.at() + "|" + e.entryId());
    }

    /** An empty communityId (a form's empty field) is refused, not read as "every community". */
    private static UUID community(String communityId) {
        if (communityId == null) {
            return null;
        }
        try {
            return UUID.fromString(communityId);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.invalid("communityId", "'" + communityId + "' is not a community id (a UUID)");
        }
    }

    private static AuditKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return AuditKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalid("kind", "must be one of " + Arrays.toString(AuditKind.values()));
        }
    }

    private static String text(String field, String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            throw ProblemException.invalid(field, "must be 1 to " + max + " characters");
        }
        return value;
    }

    /** The trail begins with the system; a time outside these years is a mistake, not a search. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant instant(String field, String value, String problem) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                throw ProblemException.invalid(field, problem != null ? problem
                        : "must be an ISO 8601 instant with its offset, e.g. 2026-12-01T00:00:00+08:00 (in a URL, %2B for the +)");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.invalid(field, problem != null ? problem : "must be between 1970 and 9999");
        }
        return instant;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.invalid("cursor", "not a cursor this API gave out; start again without it");
        }
    }
}
