package dev.commonhold.platform.messaging.inbox;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Routes each message by the envelope's {@code type} (never by a Java class) to its handler,
 * through the inbox. Types nobody here handles are skipped; a message that is not a valid
 * envelope or breaks its contract is poison.
 */
class InboundEventListener implements MessageListener<String, String> {

    private final Map<String, EventHandler> handlers;
    private final EventSchemas schemas;
    private final Inbox inbox;
    private final String consumer;

    InboundEventListener(Map<String, EventHandler> handlers, EventSchemas schemas, Inbox inbox, String consumer) {
        this.handlers = handlers;
        this.schemas = schemas;
        this.inbox = inbox;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        JsonNode tree = parse(record.value());
        EventHandler handler = handlers.get(tree.path("type").asString(""));
        if (handler == null) {
            return;
        }
        List<String> problems = schemas.problems(tree);
        if (!problems.isEmpty()) {
            throw new PoisonEventException("breaks its contract: " + problems);
        }
        EventEnvelope event = EventJson.convert(tree, EventEnvelope.class);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("traceparent", event.traceparent())) {
            inbox.processOnce(consumer, event.eventId(), () -> handler.handle(event));
        }
    }

    private static JsonNode parse(String value) {
        try {
            JsonNode tree = EventJson.readTree(value);
            if (!tree.isObject()) {
                throw new PoisonEventException("not a JSON object");
            }
            return tree;
        } catch (RuntimeException e) {
            throw e instanceof PoisonEventException poison ? poison : new PoisonEventException("not JSON: " + e.getMessage(), e);
        }
    }
}
