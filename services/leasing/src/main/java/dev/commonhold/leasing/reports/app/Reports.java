package dev.commonhold.leasing.reports.app;

import dev.commonhold.leasing.leases.app.LeaseCharges;
import dev.commonhold.leasing.leases.app.LeaseStore;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.RentSchedule;
import dev.commonhold.leasing.register.CommunityCopy;
import dev.commonhold.leasing.register.LeasingAccess;
import dev.commonhold.leasing.register.Register;
import dev.commonhold.leasing.spaces.app.SpaceStore;
import dev.commonhold.leasing.spaces.domain.Space;
import dev.commonhold.leasing.spaces.domain.SpaceKind;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The operator's and the regulator's views of leasing: the rent roll (租金台账: space, tenant,
 * rent, next due, arrears), vacancy and occupancy by kind and area, and leases expiring in 30, 60
 * and 90 days — for one community, or every community an operator runs.
 */
@Service
public class Reports {

    /**
     * @param monthlyRentFen the monthly rent in force today (0 in a rent-free month is shown as the year's rent)
     * @param nextDueOn      the next cycle not yet paid, or null when all is paid
     * @param arrearsFen     raised, due before today and not paid
     */
    public record RentRollRow(UUID communityId, String communityName, UUID leaseId, String number, List<String> spaces, String tenant,
                              String revenueClass, LocalDate startOn, LocalDate endOn, long monthlyRentFen, LocalDate nextDueOn, long nextDueFen,
                              long arrearsFen, long depositHeldFen, Lease.Status status) {
    }

    /** Per kind: spaces and area (0.01 m²) in all and let today. */
    public record Occupancy(int spaces, int leased, long areaCentiM2, long leasedAreaCentiM2) {
    }

    public record Vacancy(LocalDate on, Occupancy total, Map<SpaceKind, Occupancy> byKind, List<String> vacantSpaces) {
    }

    public record Expiring(UUID leaseId, String number, String tenant, LocalDate endOn, long daysLeft, int withinDays, boolean renewed) {
    }

    private final LeaseStore leases;
    private final LeaseCharges charges;
    private final SpaceStore spaces;
    private final LeasingAccess access;
    private final Register register;
    private final Clock clock;

    Reports(LeaseStore leases, LeaseCharges charges, SpaceStore spaces, LeasingAccess access, Register register, Clock clock) {
        this.leases = leases;
        this.charges = charges;
        this.spaces = spaces;
        this.access = access;
        this.register = register;
        this.clock = clock;
    }

    public List<RentRollRow> rentRoll(Viewer viewer, UUID communityId) {
        CommunityCopy community = seeingAll(viewer, communityId);
        return rows(community, access.seesAll(viewer, community));
    }

    /** Every community of the viewer's company (operator staff), or of the jurisdiction (regulator). */
    public List<RentRollRow> rentRoll(Viewer viewer) {
        viewer.require(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN, Role.REGULATOR, Role.PLATFORM_ADMIN);
        List<CommunityCopy> communities = viewer.hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN) && viewer.company() != null
                ? register.communitiesOf(viewer.company()) : register.all().stream().filter(c -> viewer.mayRead(c.ref())).toList();
        List<RentRollRow> rows = new ArrayList<>();
        communities.forEach(c -> rows.addAll(rows(c, access.seesAll(viewer, c))));
        return rows;
    }

    public Vacancy vacancy(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.readable(viewer, communityId);
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        Set<UUID> leased = spaces.leasedOn(communityId, today);
        Map<SpaceKind, long[]> byKind = new EnumMap<>(SpaceKind.class);
        List<String> vacant = new ArrayList<>();
        for (Space s : spaces.list(communityId)) {
            long[] k = byKind.computeIfAbsent(s.kind(), x -> new long[4]);
            boolean let = leased.contains(s.id());
            k[0]++;
            k[1] += let ? 1 : 0;
            k[2] += s.areaCentiM2();
            k[3] += let ? s.areaCentiM2() : 0;
            if (!let) {
                vacant.add(s.code() + " " + s.name());
            }
        }
        Map<SpaceKind, Occupancy> out = new EnumMap<>(SpaceKind.class);
        long[] total = new long[4];
        byKind.forEach((kind, k) -> {
            out.put(kind, new Occupancy((int) k[0], (int) k[1], k[2], k[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += k[i];
            }
        });
        return new Vacancy(today, new Occupancy((int) total[0], (int) total[1], total[2], total[3]), out, vacant);
    }

    /** Active leases whose last day falls within 90 days, each in its 30/60/90-day band. */
    public List<Expiring> expiring(Viewer viewer, UUID communityId) {
        CommunityCopy community = seeingAll(viewer, communityId);
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        boolean full = access.seesAll(viewer, community);
        return leases.list(communityId).stream().filter(l -> l.status() == Lease.Status.ACTIVE)
                .map(l -> {
                    long left = java.time.temporal.ChronoUnit.DAYS.between(today, l.term().endOn());
                    int band = left <= 30 ? 30 : left <= 60 ? 60 : left <= 90 ? 90 : 0;
                    return new Expiring(l.id(), l.number(), full ? l.tenant().name() : l.tenant().publicName(), l.term().endOn(), left, band,
                            leases.renewalOf(l.id()).isPresent());
                })
                .filter(e -> e.withinDays() > 0 && e.daysLeft() >= 0).sorted(Comparator.comparing(Expiring::endOn)).toList();
    }

    private CommunityCopy seeingAll(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.readable(viewer, communityId);
        if (!access.seesAll(viewer, community) && !access.oversees(viewer)) {
            throw new AccessDeniedException("the rent roll is the operator's and the regulator's; owners see the common parts' leases and income");
        }
        return community;
    }

    private List<RentRollRow> rows(CommunityCopy community, boolean full) {
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        Map<UUID, String> spaceNames = new java.util.HashMap<>();
        spaces.list(community.id()).forEach(s -> spaceNames.put(s.id(), s.code() + " " + s.name()));
        List<RentRollRow> rows = new ArrayList<>();
        for (Lease l : leases.list(community.id())) {
            if (l.status() != Lease.Status.ACTIVE && l.status() != Lease.Status.AWAITING_VOTE) {
                continue;
            }
            List<LeaseCharges.Charge> cs = charges.ofLease(l.id());
            long arrears = cs.stream().filter(c -> c.open() && c.kind() != LeaseCharges.Kind.DEPOSIT && c.dueOn().isBefore(today))
                    .mapToLong(c -> c.amountFen() - c.settledFen()).sum();
            long held = cs.stream().filter(c -> c.kind() == LeaseCharges.Kind.DEPOSIT).mapToLong(LeaseCharges.Charge::settledFen).sum();
            LeaseStore.ScheduledPeriod next = nextDue(l, cs);
            RentSchedule schedule = RentSchedule.of(l.term(), l.rent());
            rows.add(new RentRollRow(community.id(), community.name(), l.id(), l.number(), l.spaceIds().stream().map(spaceNames::get).toList(),
                    full ? l.tenant().name() : l.tenant().publicName(), l.revenueClass(), l.term().startOn(), l.term().endOn(),
                    schedule.monthlyRentOn(today.isBefore(l.term().startOn()) ? l.term().startOn() : today), next == null ? null : next.dueOn(),
                    next == null ? 0 : next.amountFen(), arrears, held, l.status()));
        }
        return rows;
    }

    /** The first cycle with rent that is not paid in full. */
    private LeaseStore.ScheduledPeriod nextDue(Lease l, List<LeaseCharges.Charge> cs) {
        return leases.periods(l.id()).stream().filter(p -> p.amountFen() > 0)
                .filter(p -> p.chargeId() == null || cs.stream().anyMatch(c -> c.id().equals(p.chargeId()) && c.open()))
                .findFirst().orElse(null);
    }
}
