package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Choice;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.ResolutionRuleViolation;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ballots: an owner votes online, once per resolution, and may change their vote until it
 * closes (each change is a new ballot, all kept); a committee member records a paper or proxy
 * ballot with the hash of its scan or proxy document. Residents who own nothing here cannot vote.
 */
@Service
public class Voting {

    private final AssemblyAccess access;
    private final Resolutions resolutions;
    private final Ballots ballots;
    private final Clock clock;

    Voting(AssemblyAccess access, Resolutions resolutions, Ballots ballots, Clock clock) {
        this.access = access;
        this.resolutions = resolutions;
        this.ballots = ballots;
        this.clock = clock;
    }

    /** The caller votes for every owner in the electorate whose login they are (normally one). */
    @Transactional
    public List<Ballot> cast(Viewer viewer, UUID communityId, UUID resolutionId, Choice choice) {
        access.readable(viewer, communityId);
        Resolution resolution = openForBallots(communityId, resolutionId);
        List<UUID> owners = resolutions.votersOfUser(resolution.id(), viewer.subject());
        if (owners.isEmpty()) {
            throw new AccessDeniedException("only owners in this vote's electorate vote; if you own a unit here, "
                    + "ask the operator to link your login to your ownership");
        }
        Map<UUID, Choice> latest = ballots.latest(resolution.id());
        List<Ballot> cast = new ArrayList<>();
        for (UUID owner : owners) {
            if (latest.get(owner) != choice) {
                Ballot ballot = new Ballot(Ids.newId(), resolution.id(), owner, choice, Ballot.Channel.ONLINE, clock.instant(), viewer.subject(), null);
                ballots.append(ballot);
                cast.add(ballot);
            }
        }
        return cast;
    }

    @Transactional
    public Ballot record(Viewer viewer, UUID communityId, UUID resolutionId, UUID ownerId, Choice choice, Ballot.Channel channel, String evidence) {
        access.requireCommittee(viewer, communityId);
        Resolution resolution = openForBallots(communityId, resolutionId);
        if (channel == Ballot.Channel.ONLINE) {
            throw new ResolutionRuleViolation("channel", "a committee member records paper or proxy ballots; owners vote online themselves");
        }
        if (!resolutions.hasVoter(resolution.id(), ownerId)) {
            throw new ResolutionRuleViolation("ownerId", "not an owner in this vote's electorate");
        }
        Ballot ballot = new Ballot(Ids.newId(), resolution.id(), ownerId, choice, channel, clock.instant(), viewer.subject(), evidence);
        ballots.append(ballot);
        return ballot;
    }

    private Resolution openForBallots(UUID communityId, UUID resolutionId) {
        Resolution resolution = resolutions.lockForBallot(communityId, resolutionId)
                .orElseThrow(() -> ProblemException.notFound("Resolution", resolutionId));
        resolution.requireOpen(clock.instant());
        return resolution;
    }
}
