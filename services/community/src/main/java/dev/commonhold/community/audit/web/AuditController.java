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
    Page<AuditEntry> audit(Viewer viewer, @RequestParam(required = false) UUID communityId, @RequestParam(required = false) String login,
                           @RequestParam(required = false) String kind, @RequestParam(required = false) String action,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        int size = Cursors.limit(limit);
        String after = Cursors.after(cursor);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (after != null) {
            String[] key = after.split("\\|", 2);
            beforeAt = instant("cursor", key[0], "not a cursor this API gave out; start again without it");
            beforeId = uuid(key.length == 2 ? key[1] : "");
        }
        AuditEntries.Query query = new AuditEntries.Query(communityId, text("login", login, 255), kind(kind), text("action", action, 120),
                instant("from", from, null), instant("to", to, null), beforeAt, beforeId);
        return Cursors.page(queries.find(viewer, query, size + 1), size, e -> e.at() + "|" + e.entryId());
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

    private static Instant instant(String field, String value, String problem) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                throw ProblemException.invalid(field, problem != null ? problem : "must be an ISO 8601 instant with its offset, e.g. 2026-12-01T00:00:00+08:00");
            }
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.invalid("cursor", "not a cursor this API gave out; start again without it");
        }
    }
}
