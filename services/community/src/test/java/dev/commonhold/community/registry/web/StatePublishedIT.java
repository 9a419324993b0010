package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * community.state carries the whole current state of every unit and community, keyed by its id, on
 * a compacted topic: the last record per key is what a service deployed later must see.
 */
@IntegrationTest
class StatePublishedIT {

    @LocalServerPort
    int port;

    @Test
    void theLatestStateOfEveryUnitAndCommitteeFollowsImportTransferLoginsAndAppointments() throws Exception {
        RegistryFixture fixture = new RegistryFixture(port);
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        assertThat(fixture.importSheet(community, RegistryFixture.sheet(20)).status()).isEqualTo(201);
        var operator = fixture.as(fixture.operator());
        JsonNode units = operator.get("/api/community/communities/" + community + "/units?limit=3").json().get("items");
        String buyer = units.get(0).get("ownerId").asString();
        String sold = units.get(2).get("id").asString();
        assertThat(operator.post("/api/community/communities/" + community + "/units/" + sold + "/transfers",
                Map.of("toOwnerId", buyer, "effectiveOn", "2026-11-23")).status()).isEqualTo(200);
        assertThat(operator.put("/api/community/communities/" + community + "/owners/" + buyer + "/account",
                Map.of("userId", "kc-user-7")).status()).isEqualTo(200);
        appointCommittee(operator, community, "张三");
        appointCommittee(operator, community, "李四");

        Map<String, JsonNode> latest = new LinkedHashMap<>();
        TopicReader.read(Infra.kafka().bootstrapServers(), "community.state", Duration.ofSeconds(60), records -> {
            latest.clear();
            records.stream().filter(r -> r.value().contains(community.toString())).forEach(r -> latest.put(r.key(), EventJson.readTree(r.value())));
            JsonNode soldState = latest.get(sold);
            JsonNode committee = latest.get(committeeKey(community));
            return latest.size() == 22 && soldState != null && soldState.get("payload").get("ownerUserIds").size() == 1
                    && committee != null && committee.get("payload").get("members").get(0).get("name").asString().equals("李四");
        });

        EventSchemas schemas = new EventSchemas();
        latest.forEach((key, envelope) -> {
            assertThat(schemas.problems(envelope)).as(envelope.toString()).isEmpty();
            assertThat(key).isEqualTo(envelope.get("aggregateId").asString());
        });
        assertThat(latest.get(community.toString()).get("type").asString()).isEqualTo("community.community-state.v1");
        JsonNode soldUnit = latest.get(sold).get("payload");
        assertThat(soldUnit.get("ownerId").asString()).isEqualTo(buyer);
        assertThat(soldUnit.get("ownerUserIds").get(0).asString()).isEqualTo("kc-user-7");
        assertThat(latest.values().stream().filter(e -> e.get("type").asString().equals("community.unit-state.v1"))).hasSize(20);
        JsonNode committee = latest.get(committeeKey(community)).get("payload");
        assertThat(committee.get("communityId").asString()).as("only the latest committee is kept, under its own key").isEqualTo(community.toString());
        assertThat(committee.get("members")).extracting(m -> m.get("name").asString() + "/" + m.get("role").asString() + "/" + m.get("userId").asString())
                .containsExactly("李四/CHAIR/kc-chair", "王五/MEMBER/kc-member");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafka().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "community.state");
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    private static void appointCommittee(dev.commonhold.platform.testkit.http.Api operator, UUID community, String chair) {
        assertThat(operator.put("/api/community/communities/" + community + "/committee", Map.of("kind", "OWNERS_COMMITTEE",
                "termStart", "2026-01-01", "termEnd", "2030-12-31", "members", List.of(
                        Map.of("name", chair, "role", "CHAIR", "userId", "kc-chair"), Map.of("name", "王五", "role", "MEMBER", "userId", "kc-member"))))
                .status()).isEqualTo(200);
    }

    /** As contracts/events/community/committee-state.v1 defines the committee's key. */
    private static String committeeKey(UUID community) {
        return UUID.nameUUIDFromBytes(("committee-of:" + community).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
