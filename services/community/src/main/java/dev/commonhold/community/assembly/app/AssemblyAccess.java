package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.registry.app.RegistryAccess;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may do what in the owners' assembly: the committee convenes votes (drafts, opens, closes,
 * records paper and proxy ballots); owners vote; the regulator and the operator read.
 */
@Component
public class AssemblyAccess {

    private final RegistryAccess registry;
    private final Resolutions resolutions;

    AssemblyAccess(RegistryAccess registry, Resolutions resolutions) {
        this.registry = registry;
        this.resolutions = resolutions;
    }

    public Community readable(Viewer viewer, UUID communityId) {
        return registry.readable(viewer, communityId);
    }

    public Resolution readable(Viewer viewer, UUID communityId, UUID resolutionId) {
        readable(viewer, communityId);
        return resolutions.find(communityId, resolutionId).orElseThrow(() -> ProblemException.notFound("Resolution", resolutionId));
    }

    /** For the committee's acts; the resolution is locked for the transaction. */
    public Resolution convened(Viewer viewer, UUID communityId, UUID resolutionId) {
        requireCommittee(viewer, communityId);
        return resolutions.lock(communityId, resolutionId).orElseThrow(() -> ProblemException.notFound("Resolution", resolutionId));
    }

    public Community requireCommittee(Viewer viewer, UUID communityId) {
        Community community = readable(viewer, communityId);
        if (!viewer.sitsOnCommitteeOf(RegistryAccess.ref(community)) && !viewer.has(Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("only the owners' committee convenes votes and records paper or proxy ballots");
        }
        return community;
    }

    /** Who voted how, after the vote: the committee, the regulator and platform admins (rule V8 keeps it). */
    public boolean seesAllBallots(Viewer viewer, Community community) {
        return viewer.sitsOnCommitteeOf(RegistryAccess.ref(community)) || viewer.hasAny(Role.REGULATOR, Role.PLATFORM_ADMIN);
    }
}
