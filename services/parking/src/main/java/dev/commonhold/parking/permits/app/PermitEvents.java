package dev.commonhold.parking.permits.app;

import dev.commonhold.parking.permits.domain.Permit;

import java.util.UUID;

/** parking.permit-issued.v1 through the outbox. */
public interface PermitEvents {

    /** @param renewal whether it extends a permit the plate held; {@code chargeId} the charge for its months, or null when free */
    void issued(UUID communityId, Permit permit, boolean renewal, long amountFen, UUID chargeId);
}
