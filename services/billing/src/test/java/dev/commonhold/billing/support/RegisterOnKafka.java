package dev.commonhold.billing.support;

import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a community's register on community.state exactly as the community service does
 * (contracts/events/community/*-state.v1, checked against the schemas before sending), and other
 * services' events on their topics.
 */
public final class RegisterOnKafka {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    private RegisterOnKafka() {
    }

    /** A register of {@code units} units of 89.50 m² + i × 0.01 m², residential; unit i's owner login is {@code ownerLogins.get(i)}. */
    public static List<UUID> publish(UUID community, UUID company, int units, Map<Integer, String> ownerLogins) {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope("community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "劲松北社区",
                "city", "北京市", "district", "朝阳区", "divisionCode", "110105", "timeZone", "Asia/Shanghai", "operatorCompanyId", company.toString())));
        List<UUID> ids = new ArrayList<>();
        UUID building = UUID.randomUUID();
        for (int i = 0; i < units; i++) {
            UUID unit = UUID.randomUUID();
            ids.add(unit);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("unitId", unit.toString());
            state.put("buildingId", building.toString());
            state.put("buildingName", "1号楼");
            state.put("number", String.valueOf(101 + i));
            state.put("floor", 1 + i / 4);
            state.put("exclusiveAreaCentiM2", 8_950 + i);
            state.put("use", "RESIDENTIAL");
            state.put("ownerId", UUID.randomUUID().toString());
            state.put("ownerKind", "PERSON");
            state.put("ownerName", "业主" + i);
            state.put("ownerUserIds", ownerLogins.containsKey(i) ? List.of(ownerLogins.get(i)) : List.of());
            state.put("residentUserIds", List.of());
            events.add(envelope("community.unit-state.v1", community, unit, state));
        }
        send(events);
        return ids;
    }

    public static EventEnvelope envelope(String type, UUID community, UUID aggregate, Object payload) {
        return SCHEMAS.envelope(type, community, aggregate, payload);
    }

    /** Sends and waits until Kafka acknowledged every one; keyed by aggregate (state) or community (money). */
    public static void send(List<EventEnvelope> events) {
        TopicWriter.send(Infra.kafka().bootstrapServers(), events.stream().map(EventRecords::of).toList());
    }
}
