package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.security.CommunityRef;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Finds a community the viewer may see. A community they may not see is answered exactly like
 * one that does not exist (404), so ids of other communities cannot be probed.
 */
@Component
public class RegistryAccess {

    private final Communities communities;

    RegistryAccess(Communities communities) {
        this.communities = communities;
    }

    public Community readable(Viewer viewer, UUID communityId) {
        return communities.find(communityId).filter(c -> viewer.mayRead(ref(c)))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
    }

    /** For changes: the operator running it (or a platform admin); locks it for the transaction. */
    public Community managed(Viewer viewer, UUID communityId) {
        Community community = readable(viewer, communityId);
        if (!viewer.manages(ref(community))) {
            throw new AccessDeniedException("only the operating company of this community may change its register");
        }
        return communities.lock(communityId).orElseThrow();
    }

    /** Personal data of owners and residents: the operator, the committee, platform admins — never other residents or regulators. */
    public Community withPersonalData(Viewer viewer, UUID communityId) {
        Community community = readable(viewer, communityId);
        if (!seesPersonalData(viewer, community)) {
            throw new AccessDeniedException("owners' personal data is for the operator and the owners' committee");
        }
        return community;
    }

    public boolean seesPersonalData(Viewer viewer, Community community) {
        return viewer.manages(ref(community)) || viewer.sitsOnCommitteeOf(ref(community));
    }

    public static CommunityRef ref(Community community) {
        return new CommunityRef(community.id(), community.operatorCompanyId(), community.divisionCode());
    }
}
