package dev.commonhold.leasing.leases.web;

import dev.commonhold.leasing.leases.app.LeaseCharges;
import dev.commonhold.leasing.leases.app.LeaseQueries;
import dev.commonhold.leasing.leases.app.LeaseStore;
import dev.commonhold.leasing.leases.app.Leases;
import dev.commonhold.leasing.leases.domain.DepositStatement;
import dev.commonhold.leasing.leases.domain.Lease;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API answers about leases; amounts in fen. A tenant's licence, phone and login, and a person's full name, only to staff and the tenant. */
final class LeaseViews {

    private LeaseViews() {
    }

    record TenantView(String kind, String name, String licenceNumber, String phone, String login) {
    }

    record RentView(long monthlyRentFen, int escalationBasisPoints, int rentFreeMonths, int billingCycleMonths, long depositFen,
                    int lateFeeBasisPointsPerDay, int lateFeeCapPercent, int penaltyMonths) {
    }

    record PeriodView(int seq, LocalDate start, LocalDate end, LocalDate dueOn, long amountFen, UUID chargeId) {
    }

    record ChargeView(UUID chargeId, String kind, String revenueClass, long amountFen, long settledFen, LocalDate dueOn, String description,
                      String status, String cancelReason) {
    }

    record AppliedView(UUID chargeId, String kind, String revenueClass, long amountFen) {
    }

    record EndView(LocalDate lastDay, String ending, String reason, long penaltyFen, long depositHeldFen, long depositAppliedFen,
                   long depositRefundDueFen, long depositCarriedFen, List<AppliedView> depositApplied) {
    }

    /**
     * @param totalRentFen the whole schedule (what the term costs)
     * @param settledFen   what billing settled of rent, late fees and penalties (income), deposits aside
     * @param depositHeldFen what the deposit charges brought in
     */
    record LeaseDetail(UUID id, UUID communityId, String number, String status, TenantView tenant, List<UUID> spaceIds, String purpose, LocalDate startOn, LocalDate endOn,
                       boolean cutByL1, boolean indefiniteTerm, boolean writtenContract, String contractSha256, RentView rent, String revenueClass,
                       UUID resolutionId, String franchiseReference, UUID renewsLeaseId, LocalDate endedOn, String endReason, long totalRentFen,
                       long settledFen, long depositHeldFen, List<PeriodView> schedule, List<ChargeView> charges, EndView end) {
    }

    record Recorded(LeaseDetail lease, List<String> notes) {
    }

    /** @param settledFen in all: for owners, what the common parts earned */
    record Listing(List<LeaseDetail> items, long settledFen) {
    }

    static Recorded recorded(Leases.Recorded r, LeaseQueries.LeaseView view) {
        return new Recorded(detail(view), r.notes());
    }

    static Listing listing(List<LeaseQueries.LeaseView> views) {
        List<LeaseDetail> items = views.stream().map(LeaseViews::detail).toList();
        return new Listing(items, items.stream().mapToLong(LeaseDetail::settledFen).sum());
    }

    static LeaseDetail detail(LeaseQueries.LeaseView v) {
        Lease l = v.lease();
        TenantView tenant = v.full() ? new TenantView(l.tenant().kind().name(), l.tenant().name(), l.tenant().licenceNumber(), l.tenant().phone(),
                l.tenant().login()) : new TenantView(l.tenant().kind().name(), l.tenant().publicName(),
                l.tenant().kind() == dev.commonhold.leasing.leases.domain.Tenant.Kind.BUSINESS ? l.tenant().licenceNumber() : null, null, null);
        var r = l.rent();
        long held = v.charges().stream().filter(c -> c.kind() == LeaseCharges.Kind.DEPOSIT).mapToLong(LeaseCharges.Charge::settledFen).sum();
        return new LeaseDetail(l.id(), l.communityId(), l.number(), l.status().name(), tenant, l.spaceIds(), l.purpose(), l.term().startOn(), l.term().endOn(),
                l.term().cutByL1(), l.indefiniteTerm(), l.writtenContract(), l.contractSha256(), new RentView(r.monthlyRentFen(),
                r.escalationBasisPoints(), r.rentFreeMonths(), r.billingCycleMonths(), r.depositFen(), r.lateFeeBasisPointsPerDay(),
                r.lateFeeCapPercent(), r.penaltyMonths()), l.revenueClass(), l.resolutionId(), l.franchiseReference(), l.renewsLeaseId(),
                l.endedOn(), l.endReason(), v.schedule().stream().mapToLong(LeaseStore.ScheduledPeriod::amountFen).sum(), v.settledFen(), held,
                v.schedule().stream().map(p -> new PeriodView(p.seq(), p.start(), p.end(), p.dueOn(), p.amountFen(), p.chargeId())).toList(),
                v.charges().stream().map(LeaseViews::charge).toList(), v.ended().map(LeaseViews::end).orElse(null));
    }

    private static ChargeView charge(LeaseCharges.Charge c) {
        String status = c.cancelledAt() != null ? "CANCELLED" : c.settledFen() >= c.amountFen() ? "PAID" : c.settledFen() > 0 ? "PART_PAID" : "OPEN";
        return new ChargeView(c.id(), c.kind().name(), c.revenueClass(), c.amountFen(), c.settledFen(), c.dueOn(), c.description(), status,
                c.cancelReason());
    }

    private static EndView end(LeaseStore.Ended e) {
        DepositStatement d = e.deposit();
        return new EndView(e.lastDay(), e.ending().name(), e.reason(), e.penaltyFen(), d.heldFen(), d.appliedFen(), d.refundDueFen(), d.carriedFen(),
                d.applied().stream().map(a -> new AppliedView(a.chargeId(), a.kind(), a.revenueClass(), a.amountFen())).toList());
    }
}
