package dev.commonhold.platform.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** An envelope as the Kafka record our producers publish: on its type's topic, with the type and event id as headers. */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * Keyed as published: a compacted state topic ({@code *.state}) by the aggregate, so the latest
     * state of each survives compaction; every other topic by community, so a community's events
     * stay in order.
     */
    public static ProducerRecord<String, String> of(EventEnvelope event) {
        String key = event.topic().endsWith(".state") ? event.aggregateId().toString() : event.communityId().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), key, EventJson.write(event));
        record.headers().add("type", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
