package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Electorate;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Opening a vote (the electorate is fixed at that moment, with the community's rule on non-voters),
 * extending its window, and closing it once the window has ended — by the clock, or by the committee
 * if it is quicker — with the result published.
 */
@Service
public class VotingLifecycle {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final AssemblyAccess access;
    private final Resolutions resolutions;
    private final Ballots ballots;
    private final AssemblyRules rules;
    private final AssemblyEvents events;
    private final Notices notices;
    private final Clock clock;

    VotingLifecycle(AssemblyAccess access, Resolutions resolutions, Ballots ballots, AssemblyRules rules, AssemblyEvents events, Notices notices,
                    Clock clock) {
        this.access = access;
        this.resolutions = resolutions;
        this.ballots = ballots;
        this.rules = rules;
        this.events = events;
        this.notices = notices;
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

    /**
     * Rule V10: the committee extends the voting window, never shortens it; the community is told on
     * its notice board, in the same transaction, with the old and the new close and the reason.
     */
    @Transactional
    public Resolution extend(Viewer viewer, UUID communityId, UUID resolutionId, Instant closesAt, String reason) {
        Instant now = clock.instant();
        Resolution.Extension extension = access.convened(viewer, communityId, resolutionId).extend(closesAt, reason, now);
        resolutions.extended(extension, now, viewer.subject());
        Resolution extended = extension.resolution();
        notices.publish(new Notices.Notice(Ids.newId(), communityId, extended.id(), Notices.Kind.EXTENSION, extended.title(),
                "表决期延长 Voting extended: 原定 %s 截止，延长至 %s（北京时间 Beijing time）。%n理由 Reason: %s".formatted(
                        BEIJING.format(extension.previousClosesAt()), BEIJING.format(extended.closesAt()), extension.reason()), now));
        return extended;
    }

    /** The committee closes once the window has ended (rule V10); if the clock already has, the decided vote is the answer. */
    @Transactional
    public Resolution close(Viewer viewer, UUID communityId, UUID resolutionId) {
        Resolution resolution = access.convened(viewer, communityId, resolutionId);
        return resolution.status() == Resolution.Status.DECIDED ? resolution : decide(resolution, viewer.subject());
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
