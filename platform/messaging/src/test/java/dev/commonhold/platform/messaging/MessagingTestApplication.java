package dev.commonhold.platform.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.platform.messaging.outbox.OutboxExpansion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A minimal service: publishes testing.thing-happened.v1 and applies it to test_effect. */
@SpringBootApplication
class MessagingTestApplication {

    static final String TYPE = "testing.thing-happened.v1";

    record ThingHappened(UUID thingId, long amountFen) {
    }

    /**
     * A row of type {@value #RANGE} stands for {@code count} things happening, rendered when published:
     * {"first": n, "count": k} → things n … n+k-1, each with an id and event id made from its number, so a
     * resend renders the same bytes, as {@link OutboxExpansion} requires.
     */
    static final String RANGE = TYPE + "+range";

    record Range(long first, int count, UUID communityId) {
    }

    static UUID thingNumber(long n) {
        return new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L | n);
    }

    static UUID eventNumber(long n) {
        return new UUID(0x0000_0000_0001_7000L, 0x8000_0000_0000_0000L | n);
    }

    @Bean
    OutboxExpansion thingRanges() {
        return new OutboxExpansion() {
            @Override
            public String rowType() {
                return RANGE;
            }

            @Override
            public List<Event> expand(String recipe) {
                Range range = EventJson.convert(EventJson.readTree(recipe), Range.class);
                return java.util.stream.LongStream.range(range.first(), range.first() + range.count()).mapToObj(n -> {
                    EventEnvelope envelope = new EventEnvelope(eventNumber(n), TYPE, Instant.parse("2026-12-01T00:00:00Z"), range.communityId(),
                            thingNumber(n), null, EventJson.toTree(new ThingHappened(thingNumber(n), n)));
                    return new Event(envelope.topic(), range.communityId().toString(), TYPE, envelope.eventId(), EventJson.write(envelope));
                }).toList();
            }
        };
    }

    @Bean
    EventHandler thingHappenedHandler(JdbcTemplate jdbc) {
        return new EventHandler() {
            @Override
            public String type() {
                return TYPE;
            }

            /** A negative amount is someone else's thing: passed over unread (EventHandler#concerns). */
            @Override
            public boolean concerns(tools.jackson.databind.JsonNode payload) {
                return payload.path("amountFen").asLong(0) >= 0;
            }

            @Override
            public void handle(EventEnvelope event) {
                ThingHappened thing = EventJson.convert(event.payload(), ThingHappened.class);
                jdbc.update("INSERT INTO test_effect (event_id, thing_id, amount_fen) VALUES (?, ?, ?)",
                        event.eventId(), thing.thingId(), thing.amountFen());
            }
        };
    }
}
