package dev.commonhold.parking.register;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who sees and does what in a community's parking: everyone who may read the community sees its
 * lots, tariffs, occupancy and revenue (owners check what common land earns, K1); the operator's
 * staff run lots, tariffs, permits and sessions; a household registers its cars and applies for
 * permits; gate cameras of the operator report entries and exits. Another community is 404.
 */
@Component
public class ParkingAccess {

    private final Register register;

    ParkingAccess(Register register) {
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

    /** A unit's household (owner or resident), or the operator's staff acting for it. */
    public UnitCopy householdOrStaff(Viewer viewer, UUID communityId, UUID unitId) {
        CommunityCopy community = readable(viewer, communityId);
        UnitCopy unit = register.unit(communityId, unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        if (!unit.householdOf(viewer.subject()) && !viewer.manages(community.ref())) {
            throw new AccessDeniedException("a household's cars and permits are its own and the operator staff's business");
        }
        return unit;
    }

    /**
     * A gate camera (or the operator's staff keying in a read) of the operator that runs the
     * community; someone else who may read the community: 403; anyone else (another operator's camera): 404.
     */
    public CommunityCopy cameraOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = register.community(communityId).filter(c -> camera(viewer, c) || viewer.mayRead(c.ref()))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
        if (!camera(viewer, community) && !viewer.manages(community.ref())) {
            throw new AccessDeniedException("gate reads come from the gate cameras of the operator that runs the lot, or its staff");
        }
        return community;
    }

    private static boolean camera(Viewer viewer, CommunityCopy community) {
        return viewer.has(Role.GATE_DEVICE) && viewer.company() != null && viewer.company().equals(community.operatorCompanyId());
    }
}
