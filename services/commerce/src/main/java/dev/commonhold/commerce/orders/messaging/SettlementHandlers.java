package dev.commonhold.commerce.orders.messaging;

import dev.commonhold.commerce.orders.app.Payments;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** billing.payment-settled.v1 and payment-reversed.v1 for commerce's classes: what an order's charge got, once per settlement line. */
@Configuration(proxyBeanMethods = false)
class SettlementHandlers {

    private static final Set<String> COMMERCE_CLASSES = Set.of("merchant_proceeds", "commerce_commission", "commerce_operator_commission");

    /** A settlement line of an order's charge; the rest of billing's settlements are passed over unread. */
    private static boolean ours(JsonNode payload) {
        return COMMERCE_CLASSES.contains(payload.path("revenueClass").asString(""));
    }

    @Bean
    EventHandler orderSettledHandler(Payments payments) {
        return EventHandler.of("billing.payment-settled.v1", SettlementHandlers::ours, event -> {
            JsonNode p = event.payload();
            payments.settled(UUID.fromString(p.get("settlementId").asString()), UUID.fromString(p.get("chargeId").asString()),
                    p.get("amountFen").asLong(), Instant.parse(p.get("settledAt").asString()));
        });
    }

    @Bean
    EventHandler orderReversedHandler(Payments payments) {
        return EventHandler.of("billing.payment-reversed.v1", SettlementHandlers::ours, event ->
                payments.reversed(UUID.fromString(event.payload().get("settlementId").asString()),
                        Instant.parse(event.payload().get("reversedAt").asString())));
    }
}
