package dev.commonhold.platform.messaging.outbox;

import java.util.List;
import java.util.UUID;

/**
 * Renders, when the relay publishes it, the events that one outbox row stands for. A bulk job (a
 * billing run's million invoices) writes one row per chunk instead of one envelope per event: the
 * rows it reports on are already written and never change, so the events are rendered from them at
 * publish time rather than stored twice. A service registers one bean per row type it writes.
 *
 * <p>The rendering must be the same on every call — the same event ids, times and bytes — because a
 * relay that dies after Kafka acknowledged but before it marked the row sends the whole row again, and
 * consumers deduplicate by {@code eventId}.
 */
public interface OutboxExpansion {

    /** The {@code event_type} of the rows this expansion renders, e.g. {@code billing.invoice-issued.v1+chunk}. */
    String rowType();

    /**
     * @param recipe the row's {@code envelope} column, as the writer stored it
     * @return the events, in the order they are to be published (per-key order is kept)
     */
    List<Event> expand(String recipe);

    /** One event as it goes to Kafka: {@code envelope} is the exact JSON published. */
    record Event(String topic, String key, String type, UUID eventId, String envelope) {
    }
}
