package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.LeasingVote;
import dev.commonhold.leasing.register.CommunityCopy;
import dev.commonhold.leasing.register.Register;
import dev.commonhold.leasing.register.ResolutionListener;
import dev.commonhold.leasing.spaces.app.SpaceStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** L5: when the owners' vote a common part's lease waits on is decided, the lease starts (approved by 3/4) or is void. */
@Component
class VoteOutcomes implements ResolutionListener {

    private final LeaseStore leases;
    private final SpaceStore spaces;
    private final Register register;
    private final Leases starter;
    private final Clock clock;

    VoteOutcomes(LeaseStore leases, SpaceStore spaces, Register register, Leases starter, Clock clock) {
        this.leases = leases;
        this.spaces = spaces;
        this.register = register;
        this.starter = starter;
        this.clock = clock;
    }

    @Override
    public void decided(LeasingVote.Resolution resolution, Instant decidedAt) {
        Instant now = clock.instant();
        for (Lease waiting : leases.awaiting(resolution.id())) {
            if (!waiting.communityId().equals(resolution.communityId())) {
                continue; // a resolution of another community never lets this one's common parts
            }
            if (LeasingVote.authorises(resolution)) {
                leases.setStatus(waiting.id(), Lease.Status.ACTIVE, null, null);
                CommunityCopy community = register.community(waiting.communityId()).orElseThrow();
                Lease active = leases.find(waiting.communityId(), waiting.id()).orElseThrow();
                long carried = active.renewsLeaseId() == null ? 0
                        : leases.find(active.communityId(), active.renewsLeaseId()).map(l -> l.rent().depositFen()).orElse(0L);
                starter.start(active, spaces.lock(waiting.communityId(), waiting.spaceIds()), carried, community, now);
            } else {
                leases.setStatus(waiting.id(), Lease.Status.VOID, null, "L5: the owners' vote \"%s\" ended %s (%s)"
                        .formatted(resolution.title(), resolution.outcome(), resolution.matter()));
            }
        }
    }
}
