package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.LeaseTerm;
import dev.commonhold.leasing.leases.domain.LeasingVote;
import dev.commonhold.leasing.leases.domain.FranchiseCap;
import dev.commonhold.leasing.leases.domain.RentSchedule;
import dev.commonhold.leasing.register.CommunityCopy;
import dev.commonhold.leasing.register.LeasingAccess;
import dev.commonhold.leasing.register.Register;
import dev.commonhold.leasing.spaces.app.SpaceStore;
import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import dev.commonhold.leasing.spaces.domain.Ownership;
import dev.commonhold.leasing.spaces.domain.Space;
import dev.commonhold.leasing.spaces.domain.SpaceKind;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Recording a lease: every rule checked before anything is stored (L1–L5, T1, no space let twice
 * for the same day), its rent schedule written with it, and — once it may start — its lease-started
 * event, its deposit and the rent already due raised through billing, all in one transaction.
 */
@Service
public class Leases {

    /** A recorded lease, with what the rules changed or said about it (a term cut by L1, an indefinite term by L2). */
    public record Recorded(Lease lease, RentSchedule schedule, List<String> notes) {
    }

    private final FranchiseCaps franchiseCaps;
    private final LeaseStore leases;
    private final SpaceStore spaces;
    private final Register register;
    private final LeasingAccess access;
    private final RentCharges rentCharges;
    private final LeaseEvents events;
    private final LeasingProperties properties;
    private final Clock clock;

    Leases(LeaseStore leases, SpaceStore spaces, Register register, LeasingAccess access, RentCharges rentCharges, LeaseEvents events,
           LeasingProperties properties, FranchiseCaps franchiseCaps, Clock clock) {
        this.franchiseCaps = franchiseCaps;
        this.leases = leases;
        this.spaces = spaces;
        this.register = register;
        this.access = access;
        this.rentCharges = rentCharges;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(Viewer viewer, UUID communityId, NewLease asked) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        return record(viewer, community, asked, null, 0);
    }

    /**
     * Renews an active lease with new terms from the day after its last day: the same tenant and spaces,
     * the deposit carried over (only an increase is charged), the rules checked again.
     */
    @Transactional
    public Recorded renew(Viewer viewer, UUID communityId, UUID leaseId, NewLease newTerms) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        leases.find(communityId, leaseId).orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
        Lease old = leases.lock(leaseId).orElseThrow(); // its status as of the lock: an ending at the same moment is seen
        if (old.status() != Lease.Status.ACTIVE) {
            throw ProblemException.conflict("lease " + old.number() + " is " + old.status() + ": only an active lease is renewed");
        }
        if (leases.renewalOf(leaseId).isPresent()) {
            throw ProblemException.conflict("lease " + old.number() + " is renewed already");
        }
        NewLease renewal = new NewLease(old.tenant(), old.spaceIds(), old.purpose(), old.term().endOn().plusDays(1), newTerms.endOn(),
                newTerms.cutToLegalTerm(), newTerms.writtenContract(), newTerms.contractSha256(), newTerms.rent(),
                newTerms.resolutionId() == null ? old.resolutionId() : newTerms.resolutionId());
        return record(viewer, community, renewal, old.id(), old.rent().depositFen());
    }

    private Recorded record(Viewer viewer, CommunityCopy community, NewLease asked, UUID renews, long carriedDepositFen) {
        List<String> notes = new ArrayList<>();
        LeaseTerm term = LeaseTerm.of(asked.startOn(), asked.endOn(), asked.cutToLegalTerm());
        if (term.cutByL1()) {
            notes.add("L1: the term asked for ran past 20 years; it is cut to end on " + term.endOn() + " (the part beyond is void)");
        }
        asked.rent().requireDepositWithin(properties.depositCapMonths(community.divisionCode()), community.name());
        Lease.requireContractHash(asked.writtenContract(), asked.contractSha256());
        List<Space> let = spacesOf(community.id(), asked.spaceIds());
        String revenueClass = revenueClass(let);
        requireCivilDefenceApproval(let, term);
        LeasingVote.Resolution vote = requireVoteIfCommon(community.id(), let, asked.resolutionId());
        List<Lease> clash = leases.overlapping(asked.spaceIds(), term.startOn(), term.endOn(), renews);
        if (!clash.isEmpty()) {
            throw ProblemException.conflict("the space is let for some of these days already: lease %s runs %s to %s"
                    .formatted(clash.getFirst().number(), clash.getFirst().term().startOn(), clash.getFirst().endedOnOrEnd()));
        }
        boolean indefinite = Lease.indefinite(term, asked.writtenContract());
        if (indefinite) {
            notes.add("L2: six months or more without a written contract is a lease of indefinite term: either side may end it with notice, "
                    + "no penalty; upload the signed contract and record it as written to fix the term");
        }
        RentSchedule schedule = RentSchedule.of(term, asked.rent());
        FranchiseCap.check(schedule, let.stream().mapToLong(Space::areaCentiM2).sum(), franchiseCaps.of(community.id(), revenueClass));
        boolean common = let.stream().anyMatch(s -> s.ownership() == Ownership.COMMON_PART);
        Lease.Status status = common && vote == null ? Lease.Status.AWAITING_VOTE : Lease.Status.ACTIVE;
        if (status == Lease.Status.AWAITING_VOTE) {
            notes.add("L5: waiting for the owners' vote " + asked.resolutionId() + "; the lease starts, and rent is charged, when it passes");
        }
        Instant now = clock.instant();
        Lease lease = new Lease(Ids.newId(), community.id(), leases.nextNumber(community.id(), term.startOn().getYear()), asked.tenant(),
                List.copyOf(new LinkedHashSet<>(asked.spaceIds())), asked.purpose().strip(), term, indefinite, asked.writtenContract(),
                asked.contractSha256(), asked.rent(), revenueClass, asked.resolutionId(), franchiseOf(let), renews, status, null, null,
                viewer.username() + " · " + viewer.subject(), now);
        leases.insert(lease, schedule.periods());
        if (status == Lease.Status.ACTIVE) {
            start(lease, let, carriedDepositFen, community, now);
        }
        return new Recorded(lease, schedule, notes);
    }

    /** The lease may start: its event, its deposit, and the rent already due or due within the lead days. */
    void start(Lease lease, List<Space> let, long carriedDepositFen, CommunityCopy community, Instant now) {
        events.started(lease, let, now);
        rentCharges.raiseDeposit(lease, carriedDepositFen, now);
        rentCharges.raiseDue(lease, LocalDate.now(clock.withZone(community.zone())).plusDays(properties.chargeLeadDays()), now);
    }

    private List<Space> spacesOf(UUID communityId, List<UUID> ids) {
        Set<UUID> asked = new LinkedHashSet<>(ids);
        List<Space> found = spaces.lock(communityId, asked);
        if (found.size() != asked.size()) {
            UUID missing = asked.stream().filter(id -> found.stream().noneMatch(s -> s.id().equals(id))).findFirst().orElseThrow();
            throw new LeasingRuleViolation(null, "spaceIds", "no space " + missing + " in this community");
        }
        return found;
    }

    private static String revenueClass(List<Space> let) {
        Set<String> classes = new LinkedHashSet<>();
        let.forEach(s -> classes.add(s.revenueClass()));
        if (classes.size() > 1) {
            throw new LeasingRuleViolation("T1", "spaceIds", "these spaces' rent belongs to different parties " + classes
                    + ": lease them separately so each rent reaches its owner");
        }
        return classes.iterator().next();
    }

    private static void requireCivilDefenceApproval(List<Space> let, LeaseTerm term) {
        for (Space s : let) {
            if (s.kind() == SpaceKind.CIVIL_DEFENCE && term.endOn().isAfter(s.civilDefenceApproval().expiresOn())) {
                throw new LeasingRuleViolation("L4", "endOn", "civil-defence space %s may be let only while its approval %s is valid: until %s"
                        .formatted(s.code(), s.civilDefenceApproval().number(), s.civilDefenceApproval().expiresOn()));
            }
        }
    }

    /** @return the approving resolution, or null when none is needed or it is not decided yet */
    private LeasingVote.Resolution requireVoteIfCommon(UUID communityId, List<Space> let, UUID resolutionId) {
        boolean common = let.stream().anyMatch(s -> s.ownership() == Ownership.COMMON_PART);
        if (!common) {
            if (resolutionId != null) {
                throw new LeasingRuleViolation(null, "resolutionId", "only a common part's lease rests on an owners' resolution (L5)");
            }
            return null;
        }
        if (resolutionId == null) {
            throw new LeasingRuleViolation("L5", "resolutionId", "letting a common part needs the owners' 3/4 vote (V2) on it: name the resolution");
        }
        LeasingVote.Resolution decided = register.resolution(communityId, resolutionId).orElse(null);
        if (decided != null) {
            LeasingVote.requireAuthorises(decided);
        }
        return decided;
    }

    private static String franchiseOf(List<Space> let) {
        return let.stream().map(Space::franchiseReference).filter(f -> f != null).findFirst().orElse(null);
    }
}
