package dev.commonhold.parking.permits.messaging;

import dev.commonhold.parking.permits.app.PermitEvents;
import dev.commonhold.parking.permits.domain.Permit;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@Component
class OutboxPermitEvents implements PermitEvents {

    private final Outbox outbox;

    OutboxPermitEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void issued(UUID communityId, Permit permit, boolean renewal, long amountFen, UUID chargeId) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("permitId", permit.id().toString());
        payload.put("communityId", communityId.toString());
        payload.put("lotId", permit.lotId().toString());
        payload.put("unitId", permit.unitId().toString());
        payload.put("plate", permit.plate());
        payload.put("validFrom", permit.validFrom().toString());
        payload.put("validTo", permit.validTo().toString());
        payload.put("renewal", renewal);
        payload.put("amountFen", amountFen);
        payload.put("chargeId", chargeId == null ? null : chargeId.toString());
        outbox.append(new NewEvent("parking.permit-issued.v1", communityId, permit.id(), payload, NewEvent.PartitionKey.COMMUNITY));
    }
}
