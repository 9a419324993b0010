package dev.commonhold.platform.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event contracts in {@code contracts/events}, compiled once: the envelope schema and one
 * payload schema per event type. Producers check before they publish, consumers before they act,
 * tests check what services really put on the wire.
 */
public final class EventSchemas {

    private static final String ENVELOPE = "contracts/events/envelope.v1.schema.json";
    private static final String CONTRACTS_ID = "https://commonhold.dev/contracts/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft202012()).format(new UuidFormat()).build(),
            builder -> builder.schemaRegistryConfig(new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build())
                    // Schemas name each other by $id ($ref to shared/charge.v1 etc.): read them from the classpath, never the network.
                    .schemaIdResolvers(ids -> ids.mapPrefix(CONTRACTS_ID, "classpath:contracts/")));
    private final Map<String, Schema> byPath = new ConcurrentHashMap<>();

    /** Everything wrong with an envelope as JSON, its payload included; empty when it keeps its contract. */
    public List<String> problems(JsonNode envelope) {
        List<String> problems = new ArrayList<>(problems(ENVELOPE, envelope));
        JsonNode type = envelope.get("type");
        if (problems.isEmpty()) {
            problems.addAll(problems(EventEnvelope.schemaPathOf(type.asString()), envelope.get("payload")).stream()
                    .map(p -> "payload: " + p).toList());
        }
        return problems;
    }

    /**
     * A new event of {@code type}, occurring now, checked against its contract: what a test fixture
     * (or a tool playing another service) sends in place of that service.
     */
    public EventEnvelope envelope(String type, java.util.UUID communityId, java.util.UUID aggregateId, Object payload) {
        EventEnvelope envelope = new EventEnvelope(java.util.UUID.randomUUID(), type, java.time.Instant.now(), communityId, aggregateId, null,
                EventJson.toTree(payload));
        requireValid(envelope);
        return envelope;
    }

    /** Checks an event about to be published; a mismatch is a bug in the producer. */
    public void requireValid(EventEnvelope envelope) {
        List<String> problems = problems(EventJson.toTree(envelope));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("%s does not keep its contract %s: %s"
                    .formatted(envelope.type(), EventEnvelope.schemaPathOf(envelope.type()), problems));
        }
    }

    private List<String> problems(String path, JsonNode node) {
        return schema(path).validate(node).stream().map(Error::toString).toList();
    }

    private Schema schema(String path) {
        return byPath.computeIfAbsent(path, p -> {
            if (getClass().getClassLoader().getResource(p) == null) {
                throw new IllegalStateException("no contract " + p + ": add it under contracts/events before publishing or consuming this type");
            }
            return registry.getSchema(SchemaLocation.of("classpath:" + p));
        });
    }
}
