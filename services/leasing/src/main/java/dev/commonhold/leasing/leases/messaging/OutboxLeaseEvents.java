package dev.commonhold.leasing.leases.messaging;

import dev.commonhold.leasing.leases.app.LeaseCharges;
import dev.commonhold.leasing.leases.app.LeaseEvents;
import dev.commonhold.leasing.leases.app.LeaseStore;
import dev.commonhold.leasing.leases.domain.DepositStatement;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.spaces.domain.Space;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * leasing.lease-started.v1, leasing.deposit-received.v1, leasing.lease-ended.v1 (contracts/events/leasing), keyed by community.
 * A person's name travels masked (王**): other services need whose money it is, not who the tenant is.
 */
@Component
class OutboxLeaseEvents implements LeaseEvents {

    private final Outbox outbox;

    OutboxLeaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void started(Lease l, List<Space> spaces, Instant at) {
        Map<String, Object> p = common(l);
        p.put("tenantKind", l.tenant().kind().name());
        p.put("spaces", spaces.stream().map(s -> Map.of("spaceId", s.id().toString(), "code", s.code(), "kind", s.kind().name(), "ownership",
                s.ownership().name(), "areaCentiM2", s.areaCentiM2())).toList());
        p.put("revenueClass", l.revenueClass());
        p.put("startOn", l.term().startOn().toString());
        p.put("endOn", l.term().endOn().toString());
        p.put("indefiniteTerm", l.indefiniteTerm());
        p.put("monthlyRentFen", l.rent().monthlyRentFen());
        p.put("escalationBasisPoints", l.rent().escalationBasisPoints());
        p.put("rentFreeMonths", l.rent().rentFreeMonths());
        p.put("billingCycleMonths", l.rent().billingCycleMonths());
        p.put("depositFen", l.rent().depositFen());
        p.put("resolutionId", l.resolutionId() == null ? null : l.resolutionId().toString());
        p.put("franchiseReference", l.franchiseReference());
        p.put("renewsLeaseId", l.renewsLeaseId() == null ? null : l.renewsLeaseId().toString());
        p.put("startedAt", at.toString());
        outbox.append(new NewEvent("leasing.lease-started.v1", l.communityId(), l.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public void depositReceived(Lease l, LeaseCharges.Charge deposit, long heldFen, Instant at) {
        Map<String, Object> p = common(l);
        p.put("chargeId", deposit.id().toString());
        p.put("amountFen", deposit.amountFen());
        p.put("heldFen", heldFen);
        p.put("receivedAt", at.toString());
        outbox.append(new NewEvent("leasing.deposit-received.v1", l.communityId(), l.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public void ended(Lease l, LeaseStore.Ended e) {
        Map<String, Object> p = common(l);
        DepositStatement d = e.deposit();
        p.put("lastDay", e.lastDay().toString());
        p.put("ending", e.ending().name());
        p.put("penaltyFen", e.penaltyFen());
        p.put("deposit", Map.of("heldFen", d.heldFen(), "appliedFen", d.appliedFen(), "refundDueFen", d.refundDueFen(), "carriedFen", d.carriedFen(),
                "applied", d.applied().stream().map(a -> Map.of("chargeId", a.chargeId().toString(), "kind", a.kind(), "revenueClass",
                        a.revenueClass(), "amountFen", a.amountFen())).toList()));
        p.put("endedAt", e.recordedAt().toString());
        outbox.append(new NewEvent("leasing.lease-ended.v1", l.communityId(), l.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }

    private static Map<String, Object> common(Lease l) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("leaseId", l.id().toString());
        p.put("number", l.number());
        p.put("communityId", l.communityId().toString());
        p.put("tenantName", l.tenant().publicName());
        return p;
    }
}
