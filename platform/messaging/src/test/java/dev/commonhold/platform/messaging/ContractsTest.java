package dev.commonhold.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contracts module is coherent: every schema compiles and AsyncAPI names exactly the schemas that exist. */
class ContractsTest {

    private final EventSchemas schemas = new EventSchemas();

    @Test
    void asyncApiListsEveryPublishedEventTypeAndEachHasASchema() throws IOException {
        String asyncApi = new PathMatchingResourcePatternResolver().getResource("classpath:contracts/asyncapi.yaml")
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> schemaFiles = Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:contracts/events/community/*.schema.json"))
                .map(Resource::getFilename).toList();

        assertThat(schemaFiles).isNotEmpty();
        for (String file : schemaFiles) {
            String type = "community." + file.replace(".schema.json", "");
            assertThat(asyncApi).as("asyncapi.yaml names " + type).contains("name: " + type);
        }
    }

    @Test
    void validEnvelopeKeepsItsContract() {
        assertThat(schemas.problems(envelope(Map.of("thingId", UUID.randomUUID().toString(), "amountFen", 5)))).isEmpty();
    }

    @Test
    void envelopeWithoutEventIdBreaksItsContract() {
        ObjectNode envelope = (ObjectNode) envelope(Map.of("thingId", UUID.randomUUID().toString(), "amountFen", 5));
        envelope.remove("eventId");
        assertThat(schemas.problems(envelope)).anyMatch(p -> p.contains("eventId"));
    }

    @Test
    void formatsAreAssertedNotJustAnnotated() {
        assertThat(schemas.problems(envelope(Map.of("thingId", "not-a-uuid", "amountFen", 5))))
                .anyMatch(p -> p.contains("thingId") && p.contains("uuid"));
    }

    @Test
    void unknownPayloadFieldBreaksTheContract() {
        assertThat(schemas.problems(envelope(Map.of("thingId", UUID.randomUUID().toString(), "amountFen", 5, "extra", true))))
                .anyMatch(p -> p.contains("extra"));
    }

    private static JsonNode envelope(Map<String, Object> payload) {
        return EventJson.readTree(EventJson.write(new EventEnvelope(UUID.randomUUID(), "testing.thing-happened.v1", Instant.now(),
                UUID.randomUUID(), UUID.randomUUID(), null, EventJson.toTree(payload))));
    }
}
