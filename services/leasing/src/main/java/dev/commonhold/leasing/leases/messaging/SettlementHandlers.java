package dev.commonhold.leasing.leases.messaging;

import dev.commonhold.leasing.leases.app.Payments;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** billing.payment-settled.v1 and payment-reversed.v1 for leasing's classes: what a charge of ours got, once per settlement line. */
@Configuration(proxyBeanMethods = false)
class SettlementHandlers {

    private static final Set<String> LEASING_CLASSES = Set.of("lease_common_part", "advertising_common", "lease_operator_space",
            "lease_public_space", "deposit", "late_fee");

    /** A settlement line of a leasing charge; the rest of billing's settlements are passed over unread. */
    private static boolean ours(JsonNode payload) {
        return LEASING_CLASSES.contains(payload.path("revenueClass").asString(""));
    }

    @Bean
    EventHandler leaseSettledHandler(Payments payments) {
        return EventHandler.of("billing.payment-settled.v1", SettlementHandlers::ours, event -> {
            JsonNode p = event.payload();
            payments.settled(UUID.fromString(p.get("settlementId").asString()), UUID.fromString(p.get("chargeId").asString()),
                    p.get("amountFen").asLong(), Instant.parse(p.get("settledAt").asString()));
        });
    }

    @Bean
    EventHandler leaseReversedHandler(Payments payments) {
        return EventHandler.of("billing.payment-reversed.v1", SettlementHandlers::ours, event -> {
            JsonNode p = event.payload();
            payments.reversed(UUID.fromString(p.get("settlementId").asString()), UUID.fromString(p.get("reversalId").asString()),
                    p.get("reason").asString(), Instant.parse(p.get("reversedAt").asString()));
        });
    }
}
