package dev.commonhold.devstack;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Stream;

/** The vendored OCDS release schema and the PPP profile's (contracts/ocds), checked here independently of the service that exports. */
final class OcdsSchemasForTest {

    private OcdsSchemasForTest() {
    }

    static List<String> problems(JsonNode release) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build()));
        return Stream.of("release-schema.json", "ppp-release-schema.json")
                .flatMap(file -> registry.getSchema(SchemaLocation.of("classpath:contracts/ocds/" + file)).validate(release).stream()
                        .map(Error::toString).map(p -> file + ": " + p)).toList();
    }
}
