package dev.commonhold.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A JSON body built from an OpenAPI schema, field by field, each field's value as JSON text: what
 * a careful client would send (an enum's first value, a date for a date, the community's id for a
 * community), so that a mutation of one field is the only thing wrong with it.
 */
final class BodyBuilder {

    private BodyBuilder() {
    }

    /** The schema's top-level fields and a plausible value of each (JSON text). */
    @SuppressWarnings("unchecked")
    static Map<String, String> fields(Map<String, Object> schema, Map<String, Object> components, UUID community) {
        Map<String, Object> resolved = Endpoints.resolve(schema, components);
        Map<String, String> fields = new LinkedHashMap<>();
        ((Map<String, Object>) resolved.getOrDefault("properties", Map.of())).forEach((name, property) ->
                fields.put(name, value(name, (Map<String, Object>) property, components, community, 0)));
        return fields;
    }

    static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static String value(String name, Map<String, Object> raw, Map<String, Object> components, UUID community, int depth) {
        Map<String, Object> schema = Endpoints.resolve(raw, components);
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
                return value(name, (Map<String, Object>) options.getFirst(), components, community, depth);
            }
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return "\"" + values.getFirst() + "\"";
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        String format = String.valueOf(schema.get("format"));
        return switch (String.valueOf(type)) {
            case "integer" -> "1";
            case "number" -> "1";
            case "boolean" -> "false";
            case "array" -> depth > 3 ? "[]" : "[" + value(name, (Map<String, Object>) schema.getOrDefault("items", Map.of()), components, community, depth + 1) + "]";
            case "object" -> {
                if (depth > 3) {
                    yield "{}";
                }
                Map<String, String> inner = new LinkedHashMap<>();
                ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((n, p) ->
                        inner.put(n, value(n, (Map<String, Object>) p, components, community, depth + 1)));
                yield object(inner);
            }
            default -> switch (format) {
                case "uuid" -> "\"" + (name.equals("communityId") ? community : Endpoints.NOBODY) + "\"";
                case "date" -> "\"2026-11-01\"";
                case "date-time" -> "\"2026-11-01T08:00:00Z\"";
                default -> "\"测试\"";
            };
        };
    }
}
