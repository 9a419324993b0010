package dev.commonhold.trust.books.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.trust.books.app.Books;
import dev.commonhold.trust.books.app.Settled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** What billing settles and takes back (contracts/events/billing), posted to the community's books once per event (inbox). */
@Configuration(proxyBeanMethods = false)
class SettlementHandlers {

    @Bean
    EventHandler paymentSettledHandler(Books books) {
        return EventHandler.of("billing.payment-settled.v1", event -> {
            JsonNode p = event.payload();
            books.settled(new Settled(uuid(p, "settlementId"), uuid(p, "communityId"), p.get("revenueClass").asString(),
                    text(p, "baseRevenueClass"), p.get("amountFen").asLong(), p.get("channel").asString(), text(p, "channelTransactionId"),
                    text(p.get("payer"), "reference"), Instant.parse(p.get("settledAt").asString())));
        });
    }

    @Bean
    EventHandler paymentReversedHandler(Books books) {
        return EventHandler.of("billing.payment-reversed.v1", event -> {
            JsonNode p = event.payload();
            books.reversed(uuid(p, "communityId"), uuid(p, "settlementId"), p.get("reason").asString(), Instant.parse(p.get("reversedAt").asString()));
        });
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
