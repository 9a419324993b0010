package dev.commonhold.platform.audit;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns each answered call of an {@link Audited} endpoint — and every file download — into an audit
 * entry: who (from the token), what (the action, the path, the status), when, from where (the address
 * the gateway saw, which it writes as X-Forwarded-For in place of anything the caller sent). A failure
 * to record is logged, never turned into an error for a caller whose action already happened.
 */
public class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    /** What a download is: each of these leaves the system as a file. */
    private static final Set<String> FILES = Set.of("text/csv", "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/zip", "application/x-ndjson");

    /** Roles whose reads of other people's personal data are recorded. */
    private static final Set<String> OVERSIGHT = Set.of(Role.OPERATOR_STAFF.realmRole(), Role.OPERATOR_ADMIN.realmRole(),
            Role.PLATFORM_ADMIN.realmRole(), Role.REGULATOR.realmRole(), Role.COMMITTEE.realmRole());

    private final AuditTrail trail;
    private final String source;
    private final Clock clock;

    public AuditInterceptor(AuditTrail trail, String source, Clock clock) {
        this.trail = trail;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        int status = ex instanceof org.springframework.security.access.AccessDeniedException ? 403 : response.getStatus();
        AuditEntry.Outcome outcome = status == 401 || status == 403 ? AuditEntry.Outcome.DENIED
                : status >= 200 && status < 300 && ex == null ? AuditEntry.Outcome.DONE : null;
        Audited marked = handler instanceof HandlerMethod method ? method.getMethodAnnotation(Audited.class) : null;
        if (outcome == null || (marked == null && (outcome != AuditEntry.Outcome.DONE || !isFile(response)))) {
            return;
        }
        AuditKind kind = marked == null ? AuditKind.EXPORT : marked.kind();
        String action = marked == null ? source + ".download" : marked.action();
        AuditEntry.Actor actor = actor();
        if (kind == AuditKind.PERSONAL_DATA_READ && outcome == AuditEntry.Outcome.DONE && actor.roles().stream().noneMatch(OVERSIGHT::contains)) {
            return; // a resident or tenant reading what is theirs: not an admin's read of someone's personal data
        }
        try {
            trail.record(new AuditEntry(Ids.newId(), source, clock.instant(), kind, action, outcome, actor, community(request),
                    new AuditEntry.Target(request.getMethod(), target(request), status), from(request)));
        } catch (RuntimeException e) {
            log.error("audit entry for {} {} ({}) not recorded", request.getMethod(), request.getRequestURI(), action, e);
        }
    }

    /** The path with its query: which filter someone searched the owners or the trail with is part of what they did. */
    private static String target(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI() : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static boolean isFile(HttpServletResponse response) {
        String type = response.getContentType();
        return type != null && FILES.contains(type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static AuditEntry.Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Viewer viewer = Viewer.from(jwt.getToken());
            return new AuditEntry.Actor(viewer.subject(), viewer.username(), viewer.roles().stream().map(r -> r.realmRole()).sorted().toList(),
                    viewer.company());
        }
        return new AuditEntry.Actor(null, null, java.util.List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static UUID community(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get("communityId") : null;
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static AuditEntry.From from(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String address = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr()
                : forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return new AuditEntry.From(address, request.getHeader("User-Agent"));
    }
}
