package dev.commonhold.platform.messaging.inbox;

import dev.commonhold.platform.messaging.EventEnvelope;

/**
 * Acts on one event type. Declare it as a bean: the platform subscribes to the type's topic,
 * checks the payload against its contract and calls {@link #handle} at most once per event,
 * inside the transaction that records it as processed.
 */
public interface EventHandler {

    /** e.g. {@code community.unit-registered.v1} */
    String type();

    void handle(EventEnvelope event);

    /** A handler of {@code type} that does {@code effect}: for the many handlers that are one lambda. */
    static EventHandler of(String type, java.util.function.Consumer<EventEnvelope> effect) {
        return new EventHandler() {
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
