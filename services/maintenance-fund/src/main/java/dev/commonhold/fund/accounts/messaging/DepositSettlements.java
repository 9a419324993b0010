package dev.commonhold.fund.accounts.messaging;

import dev.commonhold.fund.accounts.app.Deposits;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** What billing settles of the fund's charges (revenue class fund_deposit), credited once per event (inbox, journal source). */
@Configuration(proxyBeanMethods = false)
class DepositSettlements {

    @Bean
    EventHandler fundDepositSettledHandler(Deposits deposits) {
        // Only fund deposits: the owners' common income and the rest are the trust account's, passed over unread.
        return EventHandler.of("billing.payment-settled.v1", p -> "fund_deposit".equals(p.path("revenueClass").asString("")), event -> {
            JsonNode p = event.payload();
            deposits.settled(UUID.fromString(p.get("settlementId").asString()), UUID.fromString(p.get("chargeId").asString()),
                    p.get("amountFen").asLong(), Instant.parse(p.get("settledAt").asString()));
        });
    }
}
