package dev.commonhold.parking.sessions.messaging;

import dev.commonhold.parking.sessions.app.SessionEvents;
import dev.commonhold.parking.sessions.domain.Session;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

@Component
class OutboxSessionEvents implements SessionEvents {

    private final Outbox outbox;

    OutboxSessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void closed(Session s) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("sessionId", s.id().toString());
        payload.put("communityId", s.communityId().toString());
        payload.put("lotId", s.lotId().toString());
        payload.put("plate", s.plate());
        payload.put("unitId", s.unitId() == null ? null : s.unitId().toString());
        payload.put("enteredAt", s.enteredAt() == null ? null : s.enteredAt().toString());
        payload.put("exitedAt", s.exitedAt().toString());
        payload.put("audience", s.audience());
        payload.put("outcome", s.priceFen() > 0 ? "CHARGED" : "PASSED");
        payload.put("priceFen", s.priceFen());
        payload.put("revenueClass", s.revenueClass());
        payload.put("chargeId", s.chargeId() == null ? null : s.chargeId().toString());
        payload.put("matchedBy", s.matchedBy());
        payload.put("exitPlateRead", s.exitPlateRead());
        outbox.append(new NewEvent("parking.session-closed.v1", s.communityId(), s.id(), payload, NewEvent.PartitionKey.COMMUNITY));
    }
}
