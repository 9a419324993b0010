package dev.commonhold.parking.tariffs.messaging;

import dev.commonhold.parking.tariffs.app.FranchiseCaps;
import dev.commonhold.parking.tariffs.domain.FranchiseCap;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

/** franchise.tariff-caps-set.v1: the caps parking's prices must stay within (FR2). */
@Configuration(proxyBeanMethods = false)
class FranchiseCapHandlers {

    @Bean
    EventHandler tariffCapsSetHandler(FranchiseCaps caps) {
        return EventHandler.of("franchise.tariff-caps-set.v1", event -> {
            JsonNode p = event.payload();
            caps.replace(UUID.fromString(p.get("communityId").asString()), UUID.fromString(p.get("agreementId").asString()), p.get("version").asInt(),
                    p.get("caps").valueStream().filter(c -> c.get("revenueClass").asString().startsWith("parking_")).map(c -> new FranchiseCap(
                            c.get("revenueClass").asString(), c.get("unit").asString(), c.get("capFen").asLong(),
                            LocalDate.parse(c.get("validFrom").asString()), c.get("validTo").isNull() ? null : LocalDate.parse(c.get("validTo").asString()),
                            c.get("reference").asString())).toList());
        });
    }
}
