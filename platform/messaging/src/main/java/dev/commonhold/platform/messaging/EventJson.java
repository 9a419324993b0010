package dev.commonhold.platform.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * The one JSON form of events, independent of how a service's web layer configures Jackson:
 * ISO-8601 times and dates, UUIDs as strings, unknown envelope fields rejected.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public static String write(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /** Reads an envelope; a message that is not one is poison, never retried. */
    public static EventEnvelope read(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    public static JsonNode readTree(String json) {
        return MAPPER.readTree(json);
    }

    /**
     * The envelope of a tree that keeps the envelope's contract ({@link EventSchemas#problems}), read field by
     * field: Jackson's record binding of the same tree was a tenth of a consumer's CPU (JFR, bench/run.sh trust).
     *
     * @throws PoisonEventException when a field the schema let through still cannot be read (a time Java does not parse)
     */
    public static EventEnvelope envelope(JsonNode checked) {
        try {
            JsonNode traceparent = checked.get("traceparent");
            return new EventEnvelope(UUID.fromString(checked.get("eventId").asString()), checked.get("type").asString(),
                    Instant.parse(checked.get("occurredAt").asString()), UUID.fromString(checked.get("communityId").asString()),
                    UUID.fromString(checked.get("aggregateId").asString()), traceparent == null || traceparent.isNull() ? null : traceparent.asString(),
                    checked.get("payload"));
        } catch (RuntimeException e) {
            throw new PoisonEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        return MAPPER.treeToValue(node, type);
    }
}
