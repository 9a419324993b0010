package dev.commonhold.trust.books.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.trust.books.app.Books;
import dev.commonhold.trust.books.app.Settled;
import dev.commonhold.trust.books.domain.EntryText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** What billing settles and takes back (contracts/events/billing), posted to the community's books once per event (inbox). */
@Configuration(proxyBeanMethods = false)
class SettlementHandlers {

    /** A backlog (after downtime, after month-end billing) posts a poll's worth at a time, in one journal statement per community. */
    @Bean
    EventHandler paymentSettledHandler(Books books) {
        return EventHandler.batched("billing.payment-settled.v1", events -> books.settledAll(events.stream().map(event -> {
            JsonNode p = event.payload();
            return new Settled(uuid(p, "settlementId"), uuid(p, "communityId"), p.get("revenueClass").asString(),
                    text(p, "baseRevenueClass"), p.get("amountFen").asLong(), p.get("channel").asString(), text(p, "channelTransactionId"),
                    text(p.get("payer"), "reference"), Instant.parse(p.get("settledAt").asString()));
        }).toList()));
    }

    @Bean
    EventHandler paymentReversedHandler(Books books) {
        return EventHandler.of("billing.payment-reversed.v1", event -> {
            JsonNode p = event.payload();
            books.reversed(uuid(p, "communityId"), uuid(p, "settlementId"), p.get("reason").asString(), Instant.parse(p.get("reversedAt").asString()));
        });
    }

    @Bean
    EventHandler creditReceivedHandler(Books books) {
        return EventHandler.of("billing.credit-received.v1", event -> {
            JsonNode p = event.payload();
            books.credited(uuid(p, "communityId"), uuid(p, "paymentId"), p.get("amountFen").asLong(), EntryText.credit(p.get("amountFen").asLong(),
                    p.get("channel").asString(), text(p, "channelTransactionId"), text(p.get("payer"), "reference")),
                    Instant.parse(p.get("receivedAt").asString()));
        });
    }

    @Bean
    EventHandler refundIssuedHandler(Books books) {
        return EventHandler.of("billing.refund-issued.v1", event -> {
            JsonNode p = event.payload();
            books.refunded(uuid(p, "communityId"), uuid(p, "refundId"), p.get("amountFen").asLong(), EntryText.refund(p.get("amountFen").asLong(),
                    p.get("channel").asString(), p.get("reason").asString(), text(p.get("payer"), "reference")), Instant.parse(p.get("issuedAt").asString()));
        });
    }

    @Bean
    EventHandler creditReversedHandler(Books books) {
        return EventHandler.of("billing.credit-reversed.v1", event -> {
            JsonNode p = event.payload();
            books.creditReversed(uuid(p, "communityId"), uuid(p, "paymentId"), p.get("amountFen").asLong(), EntryText.creditReversal(p.get("amountFen").asLong(),
                    p.get("reason").asString()), Instant.parse(p.get("reversedAt").asString()));
        });
    }

    /** leasing.lease-ended.v1: what of the deposit paid charges the tenant still owed moves out of deposits held (L3). */
    @Bean
    EventHandler leaseEndedHandler(Books books) {
        return EventHandler.of("leasing.lease-ended.v1", event -> {
            JsonNode p = event.payload();
            java.util.List<Books.DepositApplied> applied = new java.util.ArrayList<>();
            p.get("deposit").get("applied").forEach(a -> applied.add(new Books.DepositApplied(a.get("revenueClass").asString(),
                    a.get("amountFen").asLong())));
            books.depositApplied(uuid(p, "communityId"), uuid(p, "leaseId"), p.get("number").asString(), applied,
                    Instant.parse(p.get("endedAt").asString()));
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
