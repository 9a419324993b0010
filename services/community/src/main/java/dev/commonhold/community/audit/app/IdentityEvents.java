package dev.commonhold.community.audit.app;

import dev.commonhold.platform.audit.AuditEntry;

import java.util.List;

/** Port: what the identity provider recorded — sign-ins (and failed ones), sign-outs, changes to roles and accounts. */
public interface IdentityEvents {

    /** The streams copied: Keycloak's user events and its admin events. */
    String SIGN_INS = "events";
    String ACCOUNT_CHANGES = "admin-events";

    /**
     * One page of a stream's events at or after {@code sinceEpochMillis}, as audit entries with stable ids (the same
     * event read twice is the same entry).
     */
    List<AuditEntry> page(String stream, long sinceEpochMillis, int first, int max);
}
