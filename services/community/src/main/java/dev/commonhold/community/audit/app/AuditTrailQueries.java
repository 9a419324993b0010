package dev.commonhold.community.audit.app;

import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.security.CommunityScopeSql;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may read the audit trail, and what of it: a platform admin all of it; an operator admin what was
 * done in the communities their company runs and what their company's people did anywhere (their
 * sign-ins included); a regulator what was done in the communities of their jurisdiction. Staff,
 * committees and residents are refused — the trail names people and addresses.
 */
@Service
public class AuditTrailQueries {

    private static final Set<Role> OVERSEERS = EnumSet.of(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.REGULATOR);

    private final AuditEntries entries;

    AuditTrailQueries(AuditEntries entries) {
        this.entries = entries;
    }

    /** Refuses (403) anyone who may not read the trail, before their query is even read: a probe is a refusal on record. */
    public void requireOverseer(Viewer viewer) {
        viewer.require(OVERSEERS.toArray(Role[]::new));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(Viewer viewer, AuditEntries.Query query, int limit) {
        requireOverseer(viewer);
        // Scoped by the overseeing roles only: an operator admin who also lives in a community does not read its trail as a resident.
        Set<Role> overseeing = EnumSet.copyOf(viewer.roles().stream().filter(OVERSEERS::contains).toList());
        Viewer overseer = new Viewer(viewer.subject(), viewer.username(), overseeing, Set.of(), viewer.company(), viewer.jurisdiction());
        CommunityScopeSql scope = CommunityScopeSql.of(overseer, "c.id", "c.operator_company_id", "c.division_code");
        return entries.find(query, scope, viewer.has(Role.OPERATOR_ADMIN) ? viewer.company() : null, limit);
    }
}
