package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.register.CommunityCopy;
import dev.commonhold.leasing.register.LeasingAccess;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who reads which lease: the operator's staff every lease of their communities; a regulator every
 * lease of the jurisdiction, tenants' personal details masked; owners (residents, committee) the
 * leases of their common parts and what they earn (T1, T4), a person's name masked; a tenant their
 * own leases. Anything else is 404, as if it were not there.
 */
@Service
public class LeaseQueries {

    /** A lease with its charges and, once ended, its end; {@code full} when the viewer may see the tenant's details. */
    public record LeaseView(Lease lease, List<LeaseStore.ScheduledPeriod> schedule, List<LeaseCharges.Charge> charges,
                            Optional<LeaseStore.Ended> ended, boolean full) {

        public long settledFen() {
            return charges.stream().filter(c -> c.kind() != LeaseCharges.Kind.DEPOSIT).mapToLong(LeaseCharges.Charge::settledFen).sum();
        }
    }

    private final LeaseStore leases;
    private final LeaseCharges charges;
    private final LeasingAccess access;

    LeaseQueries(LeaseStore leases, LeaseCharges charges, LeasingAccess access) {
        this.leases = leases;
        this.charges = charges;
        this.access = access;
    }

    public List<LeaseView> list(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.readable(viewer, communityId);
        boolean all = access.seesAll(viewer, community) || access.oversees(viewer);
        return leases.list(communityId).stream().filter(l -> all || commonPart(l)).map(l -> view(l, access.seesAll(viewer, community))).toList();
    }

    public LeaseView get(Viewer viewer, UUID communityId, UUID leaseId) {
        Lease lease = leases.find(communityId, leaseId).orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
        if (tenantOf(viewer, lease)) {
            return view(lease, true);
        }
        CommunityCopy community = access.readable(viewer, communityId);
        boolean all = access.seesAll(viewer, community) || access.oversees(viewer);
        if (!all && !commonPart(lease)) {
            throw ProblemException.notFound("Lease", leaseId);
        }
        return view(lease, access.seesAll(viewer, community));
    }

    /** A tenant's own leases, by their sign-in name. */
    public List<LeaseView> mine(Viewer viewer) {
        viewer.require(Role.TENANT);
        return viewer.username() == null ? List.of() : leases.byLogin(viewer.username()).stream().map(l -> view(l, true)).toList();
    }

    /** One of the tenant's own leases; another's is 404. */
    public LeaseView mine(Viewer viewer, UUID leaseId) {
        return mine(viewer).stream().filter(v -> v.lease().id().equals(leaseId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
    }

    /** The tenant who signs in with the lease's login sees it whole. */
    public static boolean tenantOf(Viewer viewer, Lease lease) {
        return viewer.has(Role.TENANT) && viewer.username() != null && viewer.username().equals(lease.tenant().login());
    }

    private static boolean commonPart(Lease l) {
        return l.revenueClass().equals("lease_common_part") || l.revenueClass().equals("advertising_common");
    }

    private LeaseView view(Lease lease, boolean full) {
        return new LeaseView(lease, leases.periods(lease.id()), charges.ofLease(lease.id()), leases.end(lease.id()), full);
    }
}
