package dev.commonhold.franchise.register;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

/** Builds franchise's copy of the register from community.state (read from the beginning by a new consumer group). */
@Configuration(proxyBeanMethods = false)
class RegisterHandlers {

    @Bean
    EventHandler communityStateHandler(Register register) {
        return EventHandler.of("community.community-state.v1", event -> {
            JsonNode p = event.payload();
            register.putCommunity(event.aggregateId(), p.get("name").asString(), p.get("divisionCode").asString(),
                    p.get("timeZone").asString(), UUID.fromString(p.get("operatorCompanyId").asString()));
        });
    }
}
