package dev.commonhold.leasing.register;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who sees and does what in a community's leasing: the operator's staff manage spaces and leases;
 * owners (residents, committee) see the common parts' leases and what they earn (T1, T4); regulators
 * read every lease of their jurisdiction; a tenant sees their own leases only (by their login, not by
 * community). Another community is 404.
 */
@Component
public class LeasingAccess {

    private final Register register;

    LeasingAccess(Register register) {
        this.register = register;
    }

    public CommunityCopy readable(Viewer viewer, UUID communityId) {
        return register.community(communityId).filter(c -> viewer.mayRead(c.ref()))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
    }

    public CommunityCopy staffOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        viewer.requireOperatorStaff(community.ref());
        return community;
    }

    /** Sees every lease of the community and tenants' full details: its operator's staff, a platform admin. */
    public boolean seesAll(Viewer viewer, CommunityCopy community) {
        return viewer.manages(community.ref());
    }

    /** Sees every lease but tenants' personal details masked: a regulator of the jurisdiction. */
    public boolean oversees(Viewer viewer) {
        return viewer.has(Role.REGULATOR);
    }
}
