package dev.commonhold.trust.register;

import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see and do what with a community's trust account: its residents and committee, the
 * operator running it and the regulators of its district read everything (T4, T5); only the
 * operator's admins close months. Another community's account is 404, never 403.
 */
@Component
public class TrustAccess {

    private final Register register;
    private final java.time.Clock clock;

    TrustAccess(Register register, java.time.Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    /**
     * The viewer as a member of the community's committee today, by the registry's copy — not by the
     * token's role (DESIGN.md, Who may approve): only such a member co-signs (rule T3).
     */
    public CommitteeMember currentMember(Viewer viewer, CommunityCopy community) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(community.zone()));
        return register.committee(community.id()).stream()
                .filter(m -> viewer.subject().equals(m.userId()) && m.servesOn(today)).findFirst()
                .orElseThrow(() -> new AccessDeniedException(
                        "only a current member of this community's owners' committee (per the registry) may do this (rule T3)"));
    }

    public CommunityCopy readable(Viewer viewer, UUID communityId) {
        return register.community(communityId).filter(c -> viewer.mayRead(c.ref()))
                .orElseThrow(() -> ProblemException.notFound("Community", communityId));
    }

    /** The operator's own staff or admins: they raise, withdraw and execute payments (a platform admin handles no money). */
    public CommunityCopy staffOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        viewer.requireOperatorStaff(community.ref());
        return community;
    }

    /** Operator admin of the company running the community: the operator closes its months and signs them (not a platform admin). */
    public CommunityCopy adminOf(Viewer viewer, UUID communityId) {
        CommunityCopy community = readable(viewer, communityId);
        viewer.requireOperatorAdmin(community.ref());
        return community;
    }
}
