package dev.commonhold.platform.messaging;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What travels on every topic (DESIGN.md, Events). {@code type} is
 * {@code <domain>.<event>.v<major>}; the topic is {@code <domain>.events}; consumers route by
 * {@code type} and deduplicate by {@code eventId}.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, UUID communityId, UUID aggregateId,
                            String traceparent, JsonNode payload) {

    private static final Pattern TYPE = Pattern.compile("^([a-z]+(?:-[a-z]+)*)\\.([a-z]+(?:-[a-z]+)*)\\.v([1-9][0-9]*)$");

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        requireType(type);
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * {@code billing.payment-settled.v1} is published on {@code billing.events}; a state snapshot,
     * {@code community.unit-state.v1} (an event name ending in {@code -state}), on the log-compacted
     * {@code community.state}, keyed by its aggregate, so a later consumer reads the current state
     * from the beginning (DESIGN.md, State other services copy).
     */
    public static String topicOf(String type) {
        Matcher parts = requireType(type);
        return parts.group(1) + (parts.group(2).endsWith("-state") ? ".state" : ".events");
    }

    /** Where the payload's JSON Schema lives on the classpath (from the contracts module). */
    public static String schemaPathOf(String type) {
        Matcher parts = requireType(type);
        return "contracts/events/%s/%s.v%s.schema.json".formatted(parts.group(1), parts.group(2), parts.group(3));
    }

    public String topic() {
        return topicOf(type);
    }

    private static Matcher requireType(String type) {
        Matcher matcher = TYPE.matcher(Objects.requireNonNull(type, "type"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("event type must be <domain>.<event>.v<major>, was: " + type);
        }
        return matcher;
    }
}
