package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Electorate;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.Tally;
import dev.commonhold.community.assembly.domain.Voter;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What people see of a vote (rule V8): everyone in the community sees live participation and,
 * once decided, the full tally; each owner sees their own ballots; the committee sees who has
 * not voted yet (to canvass) but how anyone voted only after the vote closes; everyone sees each
 * extension of the voting window (rule V10).
 */
@Service
@Transactional(readOnly = true)
public class AssemblyQueries {

    /** The tally is null while voting is open: only participation is shown then. */
    public record View(Resolution resolution, Tally participation, Tally tally, List<Ballot> myBallots,
                       List<Resolutions.WindowExtension> extensions) {
    }

    /** @param counts whether this is the voter's latest ballot, the one the tally counts */
    public record CastBallot(Ballot ballot, Voter voter, boolean counts) {
    }

    private final AssemblyAccess access;
    private final Resolutions resolutions;
    private final Ballots ballots;
    private final AssemblyRules rules;
    private final Notices notices;

    AssemblyQueries(AssemblyAccess access, Resolutions resolutions, Ballots ballots, AssemblyRules rules, Notices notices) {
        this.access = access;
        this.resolutions = resolutions;
        this.ballots = ballots;
        this.rules = rules;
        this.notices = notices;
    }

    public List<Resolution> list(Viewer viewer, UUID communityId, UUID after, int limit) {
        return resolutions.list(access.readable(viewer, communityId).id(), after, limit);
    }

    public View view(Viewer viewer, UUID communityId, UUID resolutionId) {
        Resolution resolution = access.readable(viewer, communityId, resolutionId);
        if (resolution.status() == Resolution.Status.DRAFT) {
            return new View(resolution, null, null, List.of(), List.of());
        }
        Electorate electorate = resolutions.electorate(resolution.id());
        Map<UUID, dev.commonhold.community.assembly.domain.Choice> latest = ballots.latest(resolution.id());
        Tally cast = Tally.count(electorate, latest, false);
        Tally decided = resolution.status() == Resolution.Status.DECIDED ? Tally.count(electorate, latest, resolution.nonVotersApprove()) : null;
        List<Ballot> mine = ballots.history(resolution.id(), resolutions.votersOfUser(resolution.id(), viewer.subject()));
        return new View(resolution, cast, decided, mine, resolutions.extensions(resolution.id()));
    }

    /** Owners who have not voted yet, for the committee to canvass; never how the others voted. */
    public List<Voter> nonVoters(Viewer viewer, UUID communityId, UUID resolutionId) {
        access.requireCommittee(viewer, communityId);
        Resolution resolution = access.readable(viewer, communityId, resolutionId);
        if (resolution.status() == Resolution.Status.DRAFT) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.NOT_OPEN, "Not open yet", "voting has not opened; the electorate is fixed when it does");
        }
        Set<UUID> voted = ballots.latest(resolution.id()).keySet();
        return resolutions.electorate(resolution.id()).voters().stream().filter(v -> !voted.contains(v.ownerId())).toList();
    }

    /**
     * Who voted how, once the vote is decided (rule V8): every ballot in the order cast, with its
     * time and channel, including those a later ballot of the same owner replaced.
     */
    public List<CastBallot> ballots(Viewer viewer, UUID communityId, UUID resolutionId) {
        Community community = access.readable(viewer, communityId);
        Resolution resolution = access.readable(viewer, communityId, resolutionId);
        if (!access.seesAllBallots(viewer, community)) {
            throw new AccessDeniedException("who voted how is shown to the committee and the regulator; you see your own ballot");
        }
        if (resolution.status() != Resolution.Status.DECIDED) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.NOT_DECIDED, "Vote still open",
                    "how owners voted is shown once the vote is decided; until then only participation is");
        }
        Map<UUID, Voter> voters = resolutions.electorate(resolution.id()).voters().stream().collect(Collectors.toMap(Voter::ownerId, v -> v));
        List<Ballot> all = ballots.all(resolution.id());
        Map<UUID, UUID> counted = all.stream().collect(Collectors.toMap(Ballot::ownerId, Ballot::id, (earlier, later) -> later));
        return all.stream().map(b -> new CastBallot(b, voters.get(b.ownerId()), counted.get(b.ownerId()).equals(b.id()))).toList();
    }

    public AssemblyRules.Rules rules(Viewer viewer, UUID communityId) {
        return rules.find(access.readable(viewer, communityId).id()).orElse(new AssemblyRules.Rules(false, null));
    }

    public List<Notices.Notice> notices(Viewer viewer, UUID communityId, int limit) {
        return notices.list(access.readable(viewer, communityId).id(), limit);
    }

    /** Problem types of the assembly. */
    static final class ProblemType {
        static final java.net.URI NOT_OPEN = dev.commonhold.platform.web.problem.ProblemType.of("vote-not-open");
        static final java.net.URI NOT_DECIDED = dev.commonhold.platform.web.problem.ProblemType.of("vote-not-decided");

        private ProblemType() {
        }
    }
}
