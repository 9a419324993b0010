package dev.commonhold.platform.messaging.inbox;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routes each message by the envelope's {@code type} (never by a Java class) to its handler,
 * through the inbox. Types nobody here handles are skipped — by the {@code type} header the relay
 * puts on every message, without reading the body, because a topic carries many types and most of
 * them are someone else's (a billing run puts a million invoice-issued events on billing.events,
 * which six services read for payment-settled alone). A message that is not a valid envelope or
 * breaks its contract is poison.
 *
 * <p>What one poll returns is applied in one transaction — one inbox statement for all of it, each
 * run of consecutive events of a type handed to its handler at once — so a backlog is worked off at
 * the database's batch speed, not one commit per event. If anything in the poll fails, nothing of
 * it was written, and it is applied again one event per transaction, so only the event at fault is
 * retried or dead-lettered (its index tells the error handler which) and the ones before it commit.
 */
class InboundEventListener implements BatchMessageListener<String, String> {

    private record Routed(EventEnvelope event, EventHandler handler) {
    }

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
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        try {
            applyTogether(records);
        } catch (RuntimeException together) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    applyAlone(records.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
        }
    }

    private void applyTogether(List<ConsumerRecord<String, String>> records) {
        List<Routed> routed = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            Routed r = route(record);
            if (r != null) {
                routed.add(r);
            }
        }
        if (routed.isEmpty()) {
            return;
        }
        inbox.processAllOnce(consumer, routed.stream().map(r -> r.event().eventId()).toList(), fresh -> {
            Set<UUID> seen = new HashSet<>();
            List<Routed> todo = routed.stream().filter(r -> fresh.contains(r.event().eventId()) && seen.add(r.event().eventId())).toList();
            for (int from = 0; from < todo.size(); ) {
                EventHandler handler = todo.get(from).handler();
                int to = from;
                while (to < todo.size() && todo.get(to).handler() == handler) {
                    to++;
                }
                handler.handleAll(todo.subList(from, to).stream().map(Routed::event).toList());
                from = to;
            }
        });
    }

    private void applyAlone(ConsumerRecord<String, String> record) {
        Routed r = route(record);
        if (r == null) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("traceparent", r.event().traceparent())) {
            inbox.processOnce(consumer, r.event().eventId(), () -> r.handler().handle(r.event()));
        }
    }

    /** The event and its handler; null for a type nobody here handles, or an event its handler is not concerned with. */
    private Routed route(ConsumerRecord<String, String> record) {
        Header declared = record.headers().lastHeader("type");
        if (declared != null && !handlers.containsKey(new String(declared.value(), StandardCharsets.UTF_8))) {
            return null;
        }
        JsonNode tree = parse(record.value());
        EventHandler handler = handlers.get(tree.path("type").asString(""));
        if (handler == null || !handler.concerns(tree.path("payload"))) {
            return null;
        }
        List<String> problems = schemas.problems(tree);
        if (!problems.isEmpty()) {
            throw new PoisonEventException("breaks its contract: " + problems);
        }
        return new Routed(EventJson.envelope(tree), handler);
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
