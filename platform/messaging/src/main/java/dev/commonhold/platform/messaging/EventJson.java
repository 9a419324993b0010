package dev.commonhold.platform.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    public static <T> T convert(JsonNode node, Class<T> type) {
        return MAPPER.treeToValue(node, type);
    }
}
