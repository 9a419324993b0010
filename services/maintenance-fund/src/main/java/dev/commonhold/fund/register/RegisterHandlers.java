package dev.commonhold.fund.register;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the fund's copy of the register from community.state, read from the beginning by a new
 * consumer group: a fund started after 1,200 units exist opens 1,200 sub-accounts.
 */
@Configuration(proxyBeanMethods = false)
class RegisterHandlers {

    @Bean
    EventHandler communityStateHandler(Register register, List<UnitArrivals> arrivals) {
        return EventHandler.of("community.community-state.v1", event -> {
            JsonNode p = event.payload();
            register.putCommunity(event.aggregateId(), p.get("name").asString(), p.get("divisionCode").asString(),
                    p.get("timeZone").asString(), UUID.fromString(p.get("operatorCompanyId").asString()));
            CommunityCopy community = register.community(event.aggregateId()).orElseThrow();
            arrivals.forEach(a -> a.communityArrived(community));
        });
    }

    /** A unit read before its community is kept, and told of when the community arrives. */
    @Bean
    EventHandler unitStateHandler(Register register, List<UnitArrivals> arrivals) {
        return EventHandler.of("community.unit-state.v1", event -> {
            JsonNode p = event.payload();
            JsonNode floor = p.get("floor");
            JsonNode ownerName = p.get("ownerName");
            UnitCopy unit = new UnitCopy(event.aggregateId(), event.communityId(), UUID.fromString(p.get("buildingId").asString()),
                    p.get("buildingName").asString(), p.get("number").asString(), floor == null || floor.isNull() ? null : floor.asInt(),
                    p.get("exclusiveAreaCentiM2").asLong(), UUID.fromString(p.get("ownerId").asString()),
                    ownerName == null || ownerName.isNull() ? null : ownerName.asString(), strings(p.get("ownerUserIds")),
                    strings(p.get("residentUserIds")));
            register.putUnit(unit);
            register.community(unit.communityId()).ifPresent(community -> arrivals.forEach(a -> a.arrived(community, unit)));
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
