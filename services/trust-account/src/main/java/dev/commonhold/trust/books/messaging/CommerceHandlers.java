package dev.commonhold.trust.books.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.trust.books.app.Books;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.books.domain.EntryText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * commerce.events: what leaves the community's account for commerce. A refund pays the buyer back out
 * of the community's commission income (4105) and what is held for merchants (2201) — the operator
 * pays back its own share; a refund the bank made itself (a reversal) was undone by billing's
 * payment-reversed already. A merchant's settlement pays it out of 2201.
 */
@Configuration(proxyBeanMethods = false)
class CommerceHandlers {

    @Bean
    EventHandler commerceRefundHandler(Books books) {
        return EventHandler.of("commerce.order-refunded.v1", event -> {
            JsonNode p = event.payload();
            if (p.get("byReversal").asBoolean()) {
                return;
            }
            long commission = p.get("communityCommissionFen").asLong();
            long merchant = p.get("merchantFen").asLong();
            Map<String, Long> debits = new LinkedHashMap<>();
            debits.put(ChartOfAccounts.INCOME_COMMERCE_COMMISSION, commission);
            debits.put(ChartOfAccounts.PAYABLE_MERCHANTS, merchant);
            books.paidOut(UUID.fromString(p.get("communityId").asString()), "commerce.refund:" + p.get("refundId").asString(),
                    EntryText.commerceRefund(commission + merchant, p.get("number").asString(), p.get("reason").asString(), commission, merchant),
                    debits, Instant.parse(p.get("refundedAt").asString()));
        });
    }

    @Bean
    EventHandler merchantSettlementHandler(Books books) {
        return EventHandler.of("commerce.settlement-issued.v1", event -> {
            JsonNode p = event.payload();
            long payout = p.get("payoutFen").asLong();
            books.paidOut(UUID.fromString(p.get("communityId").asString()), "commerce.settlement:" + p.get("settlementId").asString(),
                    EntryText.merchantPayout(payout, p.get("number").asString(), p.get("merchantName").asString()),
                    Map.of(ChartOfAccounts.PAYABLE_MERCHANTS, payout), Instant.parse(p.get("issuedAt").asString()));
        });
    }
}
