package dev.commonhold.billing.invoicing.messaging;

import dev.commonhold.billing.invoicing.app.ChargeIntake;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/**
 * One handler per money topic for {@code <domain>.charge-raised.v1} and
 * {@code <domain>.charge-cancelled.v1} (one shared payload schema, contracts/events/shared). A new
 * producer is one more name in {@link #SOURCES} (and its topic in billing's awaited topics).
 */
@Configuration(proxyBeanMethods = false)
class ChargeHandlers {

    static final List<String> SOURCES = List.of("parking", "leasing", "commerce", "fund", "franchise");

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
            intake.raise(type(), ChargeIntake.Charge.of(event.payload()), event.payload().toString());
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

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }
}
