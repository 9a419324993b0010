package dev.commonhold.parking.charges.messaging;

import dev.commonhold.parking.charges.app.ParkingCharges;
import dev.commonhold.parking.charges.app.SettledCharges;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** billing.payment-settled.v1 for parking's classes: what a charge of ours got, once per settlement line. */
@Configuration(proxyBeanMethods = false)
class SettlementHandlers {

    private static final List<String> PARKING_CLASSES = List.of("parking_common", "parking_operator");

    /** A settlement line of a parking charge; the rest of billing's settlements are passed over unread. */
    private static boolean ours(JsonNode payload) {
        return PARKING_CLASSES.contains(payload.path("revenueClass").asString(""));
    }

    @Bean
    EventHandler parkingSettledHandler(ParkingCharges charges, List<SettledCharges> listeners) {
        return EventHandler.of("billing.payment-settled.v1", SettlementHandlers::ours, event -> {
            JsonNode p = event.payload();
            ParkingCharges.Settled settled = charges.settled(UUID.fromString(p.get("settlementId").asString()),
                    UUID.fromString(p.get("chargeId").asString()), p.get("amountFen").asLong(), Instant.parse(p.get("settledAt").asString()));
            if (settled != null && settled.paidInFull()) {
                Instant at = Instant.parse(p.get("settledAt").asString());
                listeners.forEach(l -> l.paidInFull(settled.source(), settled.sourceId(), at));
            }
        });
    }

    /** billing.payment-reversed.v1 of a settlement of ours: taken back once, the fee owed again. */
    @Bean
    EventHandler parkingReversedHandler(ParkingCharges charges, List<SettledCharges> listeners) {
        return EventHandler.of("billing.payment-reversed.v1", SettlementHandlers::ours, event -> {
            JsonNode p = event.payload();
            String reason = p.get("reason").asString();
            ParkingCharges.Settled reversed = charges.reversed(UUID.fromString(p.get("settlementId").asString()),
                    UUID.fromString(p.get("reversalId").asString()), reason, Instant.parse(p.get("reversedAt").asString()));
            if (reversed != null) {
                listeners.forEach(l -> l.reversed(reversed.source(), reversed.sourceId(), reason));
            }
        });
    }
}
