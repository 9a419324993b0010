package dev.commonhold.trust.budget.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.trust.budget.app.Budgets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/** The owners' assembly decided (community.resolution-decided.v1): an ANNUAL_BUDGET resolution adopts or rejects the budget it names. */
@Configuration(proxyBeanMethods = false)
class ResolutionHandlers {

    @Bean
    EventHandler resolutionDecidedHandler(Budgets budgets) {
        return EventHandler.of("community.resolution-decided.v1", event -> {
            if ("ANNUAL_BUDGET".equals(event.payload().get("matter").asString())) {
                budgets.decided(UUID.fromString(event.payload().get("resolutionId").asString()),
                        "APPROVED".equals(event.payload().get("outcome").asString()));
            }
        });
    }
}
