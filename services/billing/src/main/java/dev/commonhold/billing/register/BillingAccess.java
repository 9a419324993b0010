package dev.commonhold.billing.register;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see and do what with a community's money, from the token and billing's copy of the
 * register: residents their own household only, operator staff take payments, operator admins
 * run billing, regulators read aggregates. Outside one's scope a community does not exist (404).
 */
@Component
public class BillingAccess {

    private final Register register;

    BillingAccess(Register register) {
        this.register = register;
    }

    public CommunityCopy readable(Viewer viewer, UUID communityId) {
        return register.community(communityId).filter(c -> viewer.mayRead(c.ref()))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
    }

    /** Operator staff or admin of the company running the community. */
    public CommunityCopy staffOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        if (!viewer.manages(community.ref())) {
            throw new AccessDeniedException("only the operator's staff of this community may do this");
        }
        return community;
    }

    /**
     * Who may take, return or reverse money: the operator's own staff or admins — not a platform
     * administrator, who may see everything but handles no household's money.
     */
    public CommunityCopy cashierOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = staffOf(viewer, communityId);
        if (!viewer.hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("only the operator's staff take, refund or reverse payments");
        }
        return community;
    }

    /** Operator admin of the company running the community: fee plans, billing runs. */
    public CommunityCopy adminOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = staffOf(viewer, communityId);
        if (!viewer.hasAny(Role.OPERATOR_ADMIN, Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("only an operator admin may do this");
        }
        return community;
    }

    /** A unit's invoices: its owner or residents, and the operator's staff; nobody else (404, not 403: no probing). */
    public UnitCopy unit(Viewer viewer, UUID communityId, UUID unitId) {
        CommunityCopy community = readable(viewer, communityId);
        UnitCopy unit = register.unit(communityId, unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        if (viewer.manages(community.ref()) || unit.householdOf(viewer.subject())) {
            return unit;
        }
        throw ProblemException.notFound("Unit", unitId);
    }
}
