package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service really puts on community.events keeps the contracts in contracts/events/community. */
@IntegrationTest
class PublishedEventsIT {

    private static final Set<String> TYPES = Set.of("community.community-registered.v1", "community.unit-registered.v1",
            "community.ownership-transferred.v1", "community.committee-changed.v1");

    @LocalServerPort
    int port;

    @Test
    void everyEventTypeIsPublishedKeyedAsDesignedAndKeepsItsContract() {
        RegistryFixture fixture = new RegistryFixture(port);
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        assertThat(fixture.importSheet(community, RegistryFixture.sheet(20)).status()).isEqualTo(201);
        var operator = fixture.as(fixture.operator());
        JsonNode units = operator.get("/api/community/communities/" + community + "/units?limit=3").json().get("items");
        String buyer = units.get(0).get("ownerId").asString();
        String unitOfAnother = units.get(2).get("id").asString();
        ApiResponse transfer = operator.post("/api/community/communities/" + community + "/units/" + unitOfAnother + "/transfers",
                Map.of("toOwnerId", buyer, "effectiveOn", "2026-11-23"));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
        operator.put("/api/community/communities/" + community + "/committee", Map.of("kind", "owners_committee",
                "termStart", "2026-01-01", "termEnd", "2031-01-01", "members", List.of(Map.of("name", "王芳", "role", "chair"))));

        List<ConsumerRecord<String, String>> ours = TopicReader.read(Infra.kafka().bootstrapServers(), "community.events",
                        Duration.ofSeconds(60), records -> typesOf(records, community).containsAll(TYPES)
                                && unitEventsOf(records, community) >= 20)
                .stream().filter(r -> r.value().contains(community.toString())).toList();

        assertThat(typesOf(ours, community)).containsAll(TYPES);
        EventSchemas schemas = new EventSchemas();
        for (ConsumerRecord<String, String> record : ours) {
            JsonNode envelope = EventJson.readTree(record.value());
            assertThat(schemas.problems(envelope)).as(record.value()).isEmpty();
            assertThat(header(record, "type")).isEqualTo(envelope.get("type").asString());
            String expectedKey = envelope.get("type").asString().equals("community.committee-changed.v1")
                    ? envelope.get("communityId").asString() : envelope.get("aggregateId").asString();
            assertThat(record.key()).isEqualTo(expectedKey);
        }
        assertThat(unitEventsOf(ours, community)).isEqualTo(20);
    }

    private static Set<String> typesOf(List<ConsumerRecord<String, String>> records, UUID community) {
        return records.stream().filter(r -> r.value().contains(community.toString()))
                .map(r -> EventJson.readTree(r.value()).get("type").asString()).collect(Collectors.toSet());
    }

    private static long unitEventsOf(List<ConsumerRecord<String, String>> records, UUID community) {
        return records.stream().filter(r -> r.value().contains(community.toString()) && r.value().contains("unit-registered")).count();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
