package dev.commonhold.parking.register;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds parking's copy of the register from community.state, read from the beginning by a new consumer group. */
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
    EventHandler unitStateHandler(Register register) {
        return EventHandler.of("community.unit-state.v1", event -> {
            JsonNode p = event.payload();
            JsonNode ownerName = p.get("ownerName");
            register.putUnit(new UnitCopy(event.aggregateId(), event.communityId(), p.get("buildingName").asString(), p.get("number").asString(),
                    ownerName == null || ownerName.isNull() ? null : ownerName.asString(), strings(p.get("ownerUserIds")),
                    strings(p.get("residentUserIds"))));
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
