package dev.commonhold.platform.messaging.inbox;

import dev.commonhold.platform.messaging.EventEnvelope;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Predicate;

/**
 * Acts on one event type. Declare it as a bean: the platform subscribes to the type's topic,
 * checks the payload against its contract and calls {@link #handle} at most once per event,
 * inside the transaction that records it as processed.
 */
public interface EventHandler {

    /** e.g. {@code community.unit-registered.v1} */
    String type();

    void handle(EventEnvelope event);

    /**
     * Whether this handler acts on the event, judged from its payload alone. One it does not concern is
     * passed over like a type nobody here handles — no schema check, no inbox record, no transaction —
     * which matters where a service reads a shared event and acts on a few of them (six services read
     * every payment-settled; each acts on its own revenue classes). It runs before the payload is
     * checked against its contract, so it must not throw on a missing field: read with {@code path()}.
     */
    default boolean concerns(JsonNode payload) {
        return true;
    }

    /**
     * Several events of this type, in the order they were published (per partition), none
     * processed before, in one transaction. Override when one statement for many is much cheaper
     * than one each (posting a backlog of settlements); by default each is handled in turn.
     */
    default void handleAll(List<EventEnvelope> events) {
        events.forEach(this::handle);
    }

    /** A handler of {@code type} that handles a run of events at once ({@link #handleAll}); one event is a run of one. */
    static EventHandler batched(String type, java.util.function.Consumer<List<EventEnvelope>> effect) {
        return new EventHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public void handle(EventEnvelope event) {
                effect.accept(List.of(event));
            }

            @Override
            public void handleAll(List<EventEnvelope> events) {
                effect.accept(events);
            }
        };
    }

    /** A handler of {@code type} that does {@code effect}: for the many handlers that are one lambda. */
    static EventHandler of(String type, java.util.function.Consumer<EventEnvelope> effect) {
        return of(type, payload -> true, effect);
    }

    /** A handler of {@code type} that does {@code effect} for the events whose payload it {@link #concerns}. */
    static EventHandler of(String type, Predicate<JsonNode> concerns, java.util.function.Consumer<EventEnvelope> effect) {
        return new EventHandler() {
            @Override
            public boolean concerns(JsonNode payload) {
                return concerns.test(payload);
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public void handle(EventEnvelope event) {
                effect.accept(event);
            }
        };
    }
}
