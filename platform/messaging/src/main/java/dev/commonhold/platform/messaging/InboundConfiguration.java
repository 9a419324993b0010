package dev.commonhold.platform.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.platform.messaging.inbox.InboundContainers;
import dev.commonhold.platform.messaging.inbox.InboundEvents;
import dev.commonhold.platform.messaging.inbox.Inbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

    /** One consumer for all the topics this service's handlers need; none if it has no handlers. */
    @Bean
    InboundEvents inboundEvents(ObjectProvider<EventHandler> handlers, EventSchemas schemas,
                                                                    Inbox inbox, KafkaProperties kafka,
                                                                    KafkaTemplate<String, String> eventsKafkaTemplate,
                                                                    MessagingProperties properties, Environment environment) {
        List<EventHandler> all = handlers.orderedStream().toList();
        String group = properties.consumerGroup() != null ? properties.consumerGroup()
                : environment.getProperty("spring.application.name", "commonhold");
        return InboundContainers.create(all, schemas, inbox, kafka, eventsKafkaTemplate, group);
    }
}
