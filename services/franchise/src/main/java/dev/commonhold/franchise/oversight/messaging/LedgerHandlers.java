package dev.commonhold.franchise.oversight.messaging;

import dev.commonhold.franchise.oversight.app.Intake;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * billing.payment-settled.v1 and payment-reversed.v1 (the revenue and the share paid), and
 * {@code <domain>.charge-raised.v1} / {@code charge-cancelled.v1} of every service whose charges an
 * agreement may cover (checked against the caps).
 */
@Configuration(proxyBeanMethods = false)
class LedgerHandlers {

    /** The services whose charges a franchise may cover: their classes are parking_*, lease_*, commerce_*. */
    static final List<String> CHARGE_SOURCES = List.of("parking", "leasing", "commerce");

    /** A backlog (after downtime, after month-end) is taken a poll at a time: one lookup and one insert for all of it. */
    @Bean
    EventHandler franchiseSettledHandler(Intake intake) {
        return EventHandler.batched("billing.payment-settled.v1", events -> intake.settledAll(events.stream().map(event -> {
            JsonNode p = event.payload();
            return new Intake.Settled(uuid(p, "settlementId"), uuid(p, "communityId"), p.get("revenueClass").asString(), uuid(p, "chargeId"),
                    p.get("amountFen").asLong(), Instant.parse(p.get("settledAt").asString()));
        }).toList()));
    }

    @Bean
    EventHandler franchiseReversedHandler(Intake intake) {
        return EventHandler.of("billing.payment-reversed.v1", event ->
                intake.reversed(uuid(event.payload(), "settlementId"), Instant.parse(event.payload().get("reversedAt").asString())));
    }

    @Bean
    static BeanFactoryPostProcessor chargeHandlerBeans() {
        return factory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
            for (String source : CHARGE_SOURCES) {
                registry.registerBeanDefinition(source + "ChargeRaisedForFranchise", definition(Raised.class, source));
                registry.registerBeanDefinition(source + "ChargeCancelledForFranchise", definition(Cancelled.class, source));
            }
        };
    }

    private static RootBeanDefinition definition(Class<?> type, String source) {
        RootBeanDefinition definition = new RootBeanDefinition(type);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, source);
        definition.setAutowireMode(RootBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        return definition;
    }

    record Raised(String source, Intake intake) implements EventHandler {
        @Override
        public String type() {
            return source + ".charge-raised.v1";
        }

        @Override
        public void handle(dev.commonhold.platform.messaging.EventEnvelope event) {
            JsonNode p = event.payload();
            LocalDate due = LocalDate.parse(p.get("dueOn").asString());
            LocalDate from = date(p, "periodStart", due);
            intake.raised(uuid(p, "chargeId"), uuid(p, "communityId"), p.get("revenueClass").asString(), p.get("amountFen").asLong(), from,
                    date(p, "periodEnd", from), p.get("sourceReference").asString());
        }
    }

    record Cancelled(String source, Intake intake) implements EventHandler {
        @Override
        public String type() {
            return source + ".charge-cancelled.v1";
        }

        @Override
        public void handle(dev.commonhold.platform.messaging.EventEnvelope event) {
            intake.cancelled(uuid(event.payload(), "chargeId"));
        }
    }

    private static LocalDate date(JsonNode p, String field, LocalDate otherwise) {
        JsonNode value = p.get(field);
        return value == null || value.isNull() ? otherwise : LocalDate.parse(value.asString());
    }

    private static UUID uuid(JsonNode p, String field) {
        return UUID.fromString(p.get(field).asString());
    }
}
