package dev.commonhold.community.audit.app;

import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.security.CommunityScopeSql;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Port: the stored audit trail, append-only. */
public interface AuditEntries {

    /** Stores the entries not stored before (by entry id): a redelivered event or a re-read sign-in adds nothing. */
    int add(List<AuditEntry> entries);

    /**
     * Newest first, before the cursor's entry if given, filtered, and only what the scope lets the viewer see:
     * entries of the communities in {@code scope}, and entries by actors of {@code ownCompany} if not null.
     */
    List<AuditEntry> find(Query query, CommunityScopeSql scope, UUID ownCompany, int limit);

    /** Epoch milliseconds of the newest Keycloak event of this stream copied so far; 0 before the first. */
    long copiedUpTo(String stream);

    void copiedUpTo(String stream, long epochMillis);

    /**
     * @param action    a prefix of the action, e.g. {@code trust.} or {@code trust.payment-request.decide}
     * @param beforeAt  with {@code beforeId}: the last entry of the previous page
     */
    record Query(UUID communityId, String login, AuditKind kind, String action, Instant from, Instant to, Instant beforeAt, UUID beforeId) {
    }
}
