package dev.commonhold.platform.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * An event a service wants published, before the outbox gives it an id, a time and a trace.
 *
 * @param payload a record or map serialised as the envelope's payload; must match the type's schema
 * @param key     how Kafka partitions it: by community for everything that moves money (per-community
 *                order), otherwise by aggregate (DESIGN.md, Events)
 */
public record NewEvent(String type, UUID communityId, UUID aggregateId, Object payload, PartitionKey key) {

    public NewEvent {
        EventEnvelope.topicOf(type);
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(key, "key");
    }

    public String messageKey() {
        return (key == PartitionKey.COMMUNITY ? communityId : aggregateId).toString();
    }

    public enum PartitionKey {
        COMMUNITY, AGGREGATE
    }
}
