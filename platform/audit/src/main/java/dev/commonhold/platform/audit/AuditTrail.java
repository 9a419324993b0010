package dev.commonhold.platform.audit;

/** Where audit entries go: this service's outbox, on to audit.events ({@link OutboxAuditTrail}). */
public interface AuditTrail {

    void record(AuditEntry entry);
}
