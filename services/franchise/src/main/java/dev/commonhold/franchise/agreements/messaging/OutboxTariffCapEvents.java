package dev.commonhold.franchise.agreements.messaging;

import dev.commonhold.franchise.agreements.app.TariffCapEvents;
import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.TariffCap;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** franchise.tariff-caps-set.v1, one per covered community, in the transaction that records the version. */
@Component
class OutboxTariffCapEvents implements TariffCapEvents {

    static final String CAPS_SET = "franchise.tariff-caps-set.v1";

    private final Outbox outbox;

    OutboxTariffCapEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void capsSet(Agreement agreement, Instant at) {
        List<Map<String, Object>> caps = agreement.terms().tariffCaps().stream().map(OutboxTariffCapEvents::cap).toList();
        for (UUID community : agreement.terms().communities()) {
            outbox.append(new NewEvent(CAPS_SET, community, agreement.id(), Map.of("agreementId", agreement.id().toString(), "version", agreement.version(),
                    "communityId", community.toString(), "effectiveFrom", agreement.effectiveFrom().toString(), "caps", caps, "setAt", at.toString()),
                    NewEvent.PartitionKey.COMMUNITY));
        }
    }

    private static Map<String, Object> cap(TariffCap c) {
        Map<String, Object> cap = new HashMap<>();
        cap.put("revenueClass", c.revenueClass());
        cap.put("unit", c.unit().name());
        cap.put("capFen", c.capFen());
        cap.put("validFrom", c.validFrom().toString());
        cap.put("validTo", c.validTo() == null ? null : c.validTo().toString());
        cap.put("reference", c.reference());
        return cap;
    }
}
