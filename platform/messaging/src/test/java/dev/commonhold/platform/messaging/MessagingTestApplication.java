package dev.commonhold.platform.messaging;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/** A minimal service: publishes testing.thing-happened.v1 and applies it to test_effect. */
@SpringBootApplication
class MessagingTestApplication {

    static final String TYPE = "testing.thing-happened.v1";

    record ThingHappened(UUID thingId, long amountFen) {
    }

    @Bean
    EventHandler thingHappenedHandler(JdbcTemplate jdbc) {
        return new EventHandler() {
            @Override
            public String type() {
                return TYPE;
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
