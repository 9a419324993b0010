package dev.commonhold.devstack;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every operation of the checked-in OpenAPI documents ({@code contracts/openapi}), as a request the
 * harnesses of issue 17 can send: the community path parameter filled with a given community, every
 * other id with one that exists nowhere, a first body of the declared content type. A new endpoint
 * needs no code here: it is in the access matrix and the fuzzer once its OpenAPI is checked in.
 */
final class Endpoints {

    /** An id no resource has: the endpoint's own lookups answer 404, never touching demo data. */
    static final UUID NOBODY = UUID.fromString("0badc0de-0000-4000-8000-00000000a11e");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /**
     * @param method      GET, POST, …
     * @param template    the path as documented, e.g. {@code /api/billing/communities/{communityId}/invoices}
     * @param contentType the request body's first declared type, null if it takes none
     * @param body        the fields of a JSON body's schema (name → resolved schema), empty for other bodies
     */
    record Endpoint(String service, String method, String template, Map<String, Map<String, Object>> parameters,
                    String contentType, Map<String, Object> body, Map<String, Object> components) {

        /** method and template: the matrix's row key. */
        String key() {
            return method + " " + template;
        }

        boolean communityScoped() {
            return template.contains("{communityId}");
        }

        /** The path with every parameter filled: communityId with {@code community}, the rest with a value of its type. */
        String path(UUID community) {
            Matcher m = PARAMETER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("communityId") ? community.toString() : value(m.group(1))));
            }
            return m.appendTail(out).toString();
        }

        private String value(String name) {
            Map<String, Object> schema = parameters.getOrDefault(name, Map.of());
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return String.valueOf(values.getFirst());
            }
            if ("uuid".equals(schema.get("format"))) {
                return NOBODY.toString();
            }
            // Dates long before the demo's books: an allowed caller's write (closing a month, say) refuses or finds
            // nothing, and never changes the demo data the other end-to-end classes read.
            if ("date".equals(schema.get("format"))) {
                return "2020-01-01";
            }
            if ("integer".equals(schema.get("type"))) {
                return name.equals("month") ? "1" : "2020";
            }
            return switch (name) {
                case "channel" -> "wechat";
                case "division", "divisionPrefix" -> "110105";
                case "month" -> "2020-01";
                case "day" -> "2020-01-01";
                case "plate" -> "%E4%BA%ACA12345"; // 京A12345
                default -> "x";
            };
        }

        /** The first body an honest client could start from: {@code {}} for JSON, nothing for a file or a spreadsheet. */
        String emptyBody() {
            return contentType == null ? null : contentType.contains("json") ? "{}" : "";
        }
    }

    private Endpoints() {
    }

    /** Every documented operation, ordered by path then method. */
    static List<Endpoint> all(Path repository) {
        List<Endpoint> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(repository.resolve("contracts/openapi"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(of(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<Endpoint> of(Path file) throws IOException {
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml().load(reader);
        }
        String service = file.getFileName().toString().replace(".yaml", "");
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        List<Endpoint> endpoints = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((template, operations) -> operations.forEach((method, raw) -> {
            if (!(raw instanceof Map<?, ?> found) || !List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) found;
            Map<String, Map<String, Object>> parameters = new java.util.LinkedHashMap<>();
            for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                if ("path".equals(parameter.get("in"))) {
                    parameters.put((String) parameter.get("name"), (Map<String, Object>) parameter.getOrDefault("schema", Map.of()));
                }
            }
            String contentType = null;
            Map<String, Object> body = Map.of();
            if (operation.get("requestBody") instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content) {
                contentType = (String) content.keySet().iterator().next();
                contentType = contentType.equals("*/*") ? "application/octet-stream" : contentType; // any type: a file's bytes
                if (contentType.contains("json") && ((Map<String, Object>) content.get(contentType)).get("schema") instanceof Map<?, ?> schema) {
                    body = resolve((Map<String, Object>) schema, components);
                }
            }
            endpoints.add(new Endpoint(service, method.toUpperCase(java.util.Locale.ROOT), template, parameters, contentType, body, components));
        }));
        return endpoints;
    }

    /** A schema with its {@code $ref} followed (once: the fuzzer descends further itself). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> components) {
        Object ref = schema.get("$ref");
        if (ref instanceof String pointer && pointer.startsWith("#/components/schemas/")) {
            Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
            return (Map<String, Object>) schemas.getOrDefault(pointer.substring("#/components/schemas/".length()), Map.of());
        }
        return schema;
    }
}
