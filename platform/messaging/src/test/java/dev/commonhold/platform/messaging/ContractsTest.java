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

    /** The hand-written uuid format (UuidFormat) accepts exactly the 8-4-4-4-12 hex form, in either case, and nothing near it. */
    @Test
    void uuidFormatAtItsEdges() {
        for (String good : List.of("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", "0190A3C4-5D6E-7F80-9A1B-2C3D4E5F6A7B", "00000000-0000-0000-0000-000000000000")) {
            assertThat(schemas.problems(envelope(Map.of("thingId", good, "amountFen", 5)))).as(good).isEmpty();
        }
        for (String bad : List.of("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7", "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b0", "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7g",
                "0190a3c45-d6e-7f80-9a1b-2c3d4e5f6a7b", "0190a3c4_5d6e_7f80_9a1b_2c3d4e5f6a7b", "{0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b}",
                "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6a7\u0661", "")) {
            assertThat(schemas.problems(envelope(Map.of("thingId", bad, "amountFen", 5)))).as(bad)
                    .anyMatch(p -> p.contains("thingId") && p.contains("uuid"));
        }
    }

    /** What a consumer acts on is read from the checked tree field by field: the same envelope the producer wrote. */
    @Test
    void theCheckedTreeReadsBackAsTheEnvelopeWritten() {
        EventEnvelope written = new EventEnvelope(UUID.randomUUID(), "testing.thing-happened.v1", Instant.parse("2026-10-01T08:00:00.123456Z"),
                UUID.randomUUID(), UUID.randomUUID(), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                EventJson.toTree(Map.of("thingId", UUID.randomUUID().toString(), "amountFen", 5)));
        JsonNode tree = EventJson.readTree(EventJson.write(written));
        assertThat(schemas.problems(tree)).isEmpty();
        assertThat(EventJson.envelope(tree)).isEqualTo(written);
        ObjectNode untraced = (ObjectNode) tree.deepCopy();
        untraced.putNull("traceparent");
        assertThat(EventJson.envelope(untraced).traceparent()).isNull();
        untraced.remove("traceparent");
        assertThat(EventJson.envelope(untraced).traceparent()).isNull();
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
