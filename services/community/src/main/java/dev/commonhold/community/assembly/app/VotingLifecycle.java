package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Electorate;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Opening a vote (the electorate is fixed at that moment, with the community's rule on non-voters)
 * and closing it — by the committee, or by the clock when the window ends — with the result published.
 */
@Service
public class VotingLifecycle {

    private final AssemblyAccess access;
    private final Resolutions resolutions;
    private final Ballots ballots;
    private final AssemblyRules rules;
    private final AssemblyEvents events;
    private final Clock clock;

    VotingLifecycle(AssemblyAccess access, Resolutions resolutions, Ballots ballots, AssemblyRules rules, AssemblyEvents events, Clock clock) {
        this.access = access;
        this.resolutions = resolutions;
        this.ballots = ballots;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Resolution open(Viewer viewer, UUID communityId, UUID resolutionId) {
        Resolution draft = access.convened(viewer, communityId, resolutionId);
        List<Electorate.Holding> units = resolutions.holdings(communityId, draft.scope());
        Electorate electorate = Electorate.of(units);
        boolean nonVotersApprove = rules.find(communityId).map(AssemblyRules.Rules::nonVotersCountAsApproving).orElse(false);
        Resolution open = draft.open(clock.instant(), nonVotersApprove);
        resolutions.opened(open, electorate, units, viewer.subject());
        return open;
    }

    /** The committee closes: after the window, or earlier once the outcome can no longer change. */
    @Transactional
    public Resolution close(Viewer viewer, UUID communityId, UUID resolutionId) {
        return decide(access.convened(viewer, communityId, resolutionId), viewer.subject());
    }

    /** Closes every vote whose window has ended; safe to run on several instances at once. */
    @Transactional
    public int closeDue() {
        List<Resolution> due = resolutions.lockDue(clock.instant(), 50);
        due.forEach(r -> decide(r, "system: voting window ended"));
        return due.size();
    }

    private Resolution decide(Resolution open, String decidedBy) {
        Resolution.Decision decision = open.close(resolutions.electorate(open.id()), ballots.latest(open.id()), clock.instant());
        resolutions.decided(decision.resolution(), decision.tally(), events.tallyJson(decision.event()), decidedBy);
        events.publish(decision.event());
        return decision.resolution();
    }
}
