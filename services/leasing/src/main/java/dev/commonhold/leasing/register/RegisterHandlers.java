package dev.commonhold.leasing.register;

import dev.commonhold.leasing.leases.domain.LeasingVote;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds leasing's copy of the register from community.state (read from the beginning by a new
 * consumer group), keeps every decided resolution, and tells whoever waits on one (a common part's
 * lease waiting for its vote, L5).
 */
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

    @Bean
    EventHandler resolutionDecidedHandler(Register register, List<ResolutionListener> listeners) {
        return EventHandler.of("community.resolution-decided.v1", event -> {
            JsonNode p = event.payload();
            LeasingVote.Resolution resolution = new LeasingVote.Resolution(UUID.fromString(p.get("resolutionId").asString()), event.communityId(),
                    p.get("title").asString(), p.get("matter").asString(), p.get("threshold").asString(), p.get("outcome").asString());
            Instant decidedAt = Instant.parse(p.get("decidedAt").asString());
            if (register.putResolution(resolution, decidedAt)) {
                listeners.forEach(l -> l.decided(resolution, decidedAt));
            }
        });
    }
}
