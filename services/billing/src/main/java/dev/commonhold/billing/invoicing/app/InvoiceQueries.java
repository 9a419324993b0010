package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.Arrears;
import dev.commonhold.billing.invoicing.domain.FeePlan;
import dev.commonhold.billing.invoicing.domain.LateFee;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.billing.register.Register;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What households owe and have paid; arrears aged (P5) with their late fee (P4), per unit and per community. */
@Service
public class InvoiceQueries {

    /** One overdue amount of a unit, aged. */
    public record Overdue(LocalDate dueOn, long openFen, Arrears.Bucket bucket, long lateFeeFen, LocalDate prescribesOn, boolean prescribed) {
    }

    public record BucketTotal(int units, long openFen) {
    }

    /** A community's arrears: per bucket the units in it (a unit may be in several) and the amount. */
    public record CommunityArrears(LocalDate asOf, Map<Arrears.Bucket, BucketTotal> buckets, int unitsInArrears, long totalFen) {
    }

    private final BillingAccess access;
    private final Register register;
    private final InvoiceViews views;
    private final FeePlanStore plans;
    private final HeldCharges held;
    private final ReminderStore reminders;
    private final Clock clock;

    InvoiceQueries(BillingAccess access, Register register, InvoiceViews views, FeePlanStore plans, HeldCharges held, ReminderStore reminders,
                   Clock clock) {
        this.access = access;
        this.register = register;
        this.views = views;
        this.plans = plans;
        this.held = held;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** Charges waiting for a payer billing does not know yet, and cancellations after payment: staff resolve them. */
    public List<HeldCharges.Held> held(Viewer viewer, UUID communityId) {
        access.staffOf(viewer, communityId);
        return held.ofCommunity(communityId);
    }

    public List<InvoiceViews.InvoiceView> invoices(Viewer viewer, UUID communityId, UUID unitId, String after, int limit) {
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        return views.ofUnit(unit.id(), after, limit);
    }

    public List<UnitCopy> household(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return register.householdOf(communityId, viewer.subject());
    }

    public List<Overdue> overdue(Viewer viewer, UUID communityId, UUID unitId) {
        CommunityCopy community = access.readable(viewer, communityId);
        access.unit(viewer, communityId, unitId);
        LocalDate today = today(community);
        LateFee lateFee = plans.find(communityId).map(FeePlan::lateFee).orElse(LateFee.none());
        LocalDate reminded = reminders.lastReminded(unitId);
        return views.openOf(communityId, unitId).stream().filter(o -> Arrears.bucket(o.dueOn(), today) != null).map(o -> {
            LocalDate runsFrom = Arrears.lastInterruption(o.dueOn(), reminded);
            return new Overdue(o.dueOn(), o.openFen(), Arrears.bucket(o.dueOn(), today), lateFee.accrued(o.openFen(), o.dueOn(), today),
                    Arrears.prescribesOn(runsFrom), Arrears.prescribed(runsFrom, today));
        }).toList();
    }

    /** Households' arrears, aggregates only: what a regulator, the committee and the operator may all see. */
    public CommunityArrears arrears(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.readable(viewer, communityId);
        LocalDate today = today(community);
        Map<Arrears.Bucket, Set<UUID>> units = new EnumMap<>(Arrears.Bucket.class);
        Map<Arrears.Bucket, Long> amounts = new EnumMap<>(Arrears.Bucket.class);
        Set<UUID> all = new HashSet<>();
        long total = 0;
        for (InvoiceViews.OpenByDue open : views.openOf(communityId, null)) {
            Arrears.Bucket bucket = Arrears.bucket(open.dueOn(), today);
            // Households' arrears (P5): a tenant's rent or a visitor's fee is no household's; leasing's rent roll shows the former.
            if (bucket != null && open.unitId() != null) {
                units.computeIfAbsent(bucket, b -> new HashSet<>()).add(open.unitId());
                amounts.merge(bucket, open.openFen(), Long::sum);
                all.add(open.unitId());
                total += open.openFen();
            }
        }
        Map<Arrears.Bucket, BucketTotal> buckets = new EnumMap<>(Arrears.Bucket.class);
        for (Arrears.Bucket bucket : Arrears.Bucket.values()) {
            buckets.put(bucket, new BucketTotal(units.getOrDefault(bucket, Set.of()).size(), amounts.getOrDefault(bucket, 0L)));
        }
        return new CommunityArrears(today, buckets, all.size(), total);
    }

    private LocalDate today(CommunityCopy community) {
        return LocalDate.now(clock.withZone(community.zone()));
    }
}
