package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.spaces.domain.Space;

import java.time.Instant;
import java.util.List;

/** leasing.lease-started.v1, leasing.deposit-received.v1 and leasing.lease-ended.v1, through the outbox in the caller's transaction. */
public interface LeaseEvents {

    void started(Lease lease, List<Space> spaces, Instant at);

    /** @param heldFen the deposit now held in all */
    void depositReceived(Lease lease, LeaseCharges.Charge deposit, long heldFen, Instant at);

    void ended(Lease lease, LeaseStore.Ended ended);
}
