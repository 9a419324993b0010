package dev.commonhold.billing.invoicing.messaging;

import dev.commonhold.billing.invoicing.app.ChargeIntake;
import dev.commonhold.billing.invoicing.domain.Payer;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One handler per money topic for {@code <domain>.charge-raised.v1} and
 * {@code <domain>.charge-cancelled.v1} (one shared payload schema, contracts/events/shared). A new
 * producer is one more name in {@link #SOURCES} (and its topic in billing's awaited topics).
 */
@Configuration(proxyBeanMethods = false)
class ChargeHandlers {

    static final List<String> SOURCES = List.of("parking", "leasing", "commerce", "fund");

    @Bean
    static BeanFactoryPostProcessor chargeHandlerBeans() {
        return factory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
            for (String source : SOURCES) {
                registry.registerBeanDefinition(source + "ChargeRaised", definition(Raised.class, source));
                registry.registerBeanDefinition(source + "ChargeCancelled", definition(Cancelled.class, source));
            }
        };
    }

    private static RootBeanDefinition definition(Class<?> type, String source) {
        RootBeanDefinition definition = new RootBeanDefinition(type);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, source);
        definition.setAutowireMode(RootBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        return definition;
    }

    static final class Raised implements EventHandler {
        private final String source;
        private final ChargeIntake intake;

        Raised(String source, ChargeIntake intake) {
            this.source = source;
            this.intake = intake;
        }

        @Override
        public String type() {
            return source + ".charge-raised.v1";
        }

        @Override
        public void handle(EventEnvelope event) {
            JsonNode p = event.payload();
            JsonNode payer = p.get("payer");
            intake.raise(type(), new ChargeIntake.Charge(uuid(p, "chargeId"), uuid(p, "communityId"),
                    new Payer(payer.get("kind").asString(), uuid(payer, "unitId"), payer.get("reference").asString(), text(payer, "name")),
                    p.get("revenueClass").asString(), text(p, "baseRevenueClass"), p.get("amountFen").asLong(), date(p, "periodStart"),
                    date(p, "periodEnd"), date(p, "dueOn"), p.get("description").asString(), p.get("sourceReference").asString(),
                    uuid(p, "replacesChargeId")), EventJson.toTree(p).toString());
        }
    }

    static final class Cancelled implements EventHandler {
        private final String source;
        private final ChargeIntake intake;

        Cancelled(String source, ChargeIntake intake) {
            this.source = source;
            this.intake = intake;
        }

        @Override
        public String type() {
            return source + ".charge-cancelled.v1";
        }

        @Override
        public void handle(EventEnvelope event) {
            intake.cancel(uuid(event.payload(), "chargeId"), event.payload().get("reason").asString());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
