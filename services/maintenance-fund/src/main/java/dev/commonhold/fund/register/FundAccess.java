package dev.commonhold.fund.register;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who sees and does what with a community's fund: everyone who may read the community sees its
 * totals and projects (F8); a unit's own sub-account is shown to its owner, the operator's staff
 * and the owners' committee; the operator proposes and pays; the committee confirms emergencies.
 * Another community's fund is 404, never 403.
 */
@Component
public class FundAccess {

    private final Register register;

    FundAccess(Register register) {
        this.register = register;
    }

    public CommunityCopy readable(Viewer viewer, UUID communityId) {
        return register.community(communityId).filter(c -> viewer.mayRead(c.ref()))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
    }

    /** A unit's sub-account: its owner, the operator's staff, the committee (not other residents, not regulators by unit). */
    public UnitCopy unitReadable(Viewer viewer, UUID communityId, UUID unitId) {
        CommunityCopy community = readable(viewer, communityId);
        UnitCopy unit = register.unit(communityId, unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        if (!unit.ownedBy(viewer.subject()) && !viewer.manages(community.ref()) && !viewer.sitsOnCommitteeOf(community.ref())) {
            throw new AccessDeniedException("a sub-account is shown to its owner, the operator's staff and the owners' committee");
        }
        return unit;
    }

    /** Everyone's sub-accounts by unit: the operator's staff and the committee. */
    public CommunityCopy overseerOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        if (!viewer.manages(community.ref()) && !viewer.sitsOnCommitteeOf(community.ref())) {
            throw new AccessDeniedException("the list of sub-accounts is for the operator's staff and the owners' committee");
        }
        return community;
    }

    public CommunityCopy staffOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        viewer.requireOperatorStaff(community.ref());
        return community;
    }

    /** An operator admin of the company running the community: takes over balances, pays contractors. */
    public CommunityCopy adminOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        viewer.requireOperatorAdmin(community.ref());
        return community;
    }

    /**
     * A region's funds, for the housing bureau: a regulator whose jurisdiction covers the division
     * code prefix (2 to 6 digits), or a platform admin.
     */
    public String regionOf(Viewer viewer, String divisionPrefix) {
        if (divisionPrefix == null || !divisionPrefix.matches("[0-9]{2,6}")) {
            throw ProblemException.invalid("divisionPrefix",
                    "the first 2 to 6 digits of an administrative division code, e.g. 1101 for Beijing or 110105 for Chaoyang");
        }
        boolean covered = viewer.has(Role.PLATFORM_ADMIN)
                || (viewer.has(Role.REGULATOR) && viewer.jurisdiction().stream().anyMatch(divisionPrefix::startsWith));
        if (!covered) {
            throw new AccessDeniedException("a region's funds are shown to the regulators whose jurisdiction covers it");
        }
        return divisionPrefix;
    }

    public CommunityCopy committeeOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        if (!viewer.sitsOnCommitteeOf(community.ref())) {
            throw new AccessDeniedException("only the owners' committee of this community may do this");
        }
        return community;
    }
}
