package dev.commonhold.commerce.register;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who sees and does what in a community's commerce: the operator's staff run it (merchants, counter
 * orders, settlements, subsidy claims); residents order for themselves and see their own orders; a
 * merchant (by its login) sees and serves its own orders and settlements; a regulator of the
 * jurisdiction (the street office) reads the subsidy claims and orders with names masked. Another
 * community is 404.
 */
@Component
public class CommerceAccess {

    private final Register register;

    CommerceAccess(Register register) {
        this.register = register;
    }

    /** The community, for anyone who may see it at all: its residents, committee, operator, regulators — and a merchant selling there. */
    public CommunityCopy visible(Viewer viewer, UUID communityId) {
        return register.community(communityId).filter(c -> viewer.mayRead(c.ref()) || (viewer.has(Role.MERCHANT) && register.sellsIn(c.id(), viewer.username())))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
    }

    public java.util.Optional<CommunityCopy> community(UUID communityId) {
        return register.community(communityId);
    }

    public CommunityCopy staffOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = visible(viewer, communityId);
        if (!viewer.mayRead(community.ref())) {
            throw ProblemException.notFound("Community", communityId);
        }
        viewer.requireOperatorStaff(community.ref());
        return community;
    }

    /** A resident of the community ordering for themself. */
    public CommunityCopy residentOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = visible(viewer, communityId);
        if (!viewer.has(Role.RESIDENT) || !viewer.communities().contains(communityId)) {
            throw new AccessDeniedException("only a resident of this community orders for themself; the operator's staff place counter orders");
        }
        return community;
    }

    public boolean manages(Viewer viewer, CommunityCopy community) {
        return viewer.manages(community.ref());
    }

    /** The operator's own staff: what moves money or goods (a refund, a cancellation, a parcel) — a platform admin handles none. */
    public boolean staffOfOperator(Viewer viewer, CommunityCopy community) {
        return viewer.manages(community.ref()) && viewer.hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN);
    }

    /** Reads every order and claim with buyers' names masked: a regulator of the jurisdiction. */
    public boolean oversees(Viewer viewer, CommunityCopy community) {
        return viewer.has(Role.REGULATOR) && viewer.mayRead(community.ref());
    }
}
