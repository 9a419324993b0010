package dev.commonhold.franchise.oversight.export;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The Open Contracting Data Standard's release schema (1.1.5) and the PPP profile's patched release schema,
 * vendored unchanged in contracts/ocds (draft-04, formats asserted), compiled once. Every export is checked
 * against both before it is served.
 */
@Component
public class OcdsSchemas {

    private static final List<String> SCHEMAS = List.of("contracts/ocds/release-schema.json", "contracts/ocds/ppp-release-schema.json");

    private final List<Schema> schemas;

    public OcdsSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build()));
        schemas = SCHEMAS.stream().map(p -> registry.getSchema(SchemaLocation.of("classpath:" + p))).toList();
    }

    /** Everything wrong with a release against either schema, each prefixed with the schema's file; empty when it validates. */
    public List<String> problems(JsonNode release) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            String file = SCHEMAS.get(i).substring(SCHEMAS.get(i).lastIndexOf('/') + 1);
            schemas.get(i).validate(release).stream().map(Error::toString).forEach(p -> problems.add(file + ": " + p));
        }
        return problems;
    }
}
