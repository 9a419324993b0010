package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.RawHttp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every endpoint that takes a body (issue 17), through the gateway, as a caller
 * the access matrix lets through. Schema-driven: a body is built from the endpoint's OpenAPI schema,
 * then each field in turn is given each value of {@link Nasties#VALUES}, and whole bodies, rows and
 * files of the corpus are sent as they are. Oracles: every answer is 2xx or a 4xx problem+json, never a
 * 5xx or an empty body; an endpoint that refused everything it was sent reads back (its list) as
 * before; and an accepted text reads back as sent, or with only its surrounding whitespace removed
 * (the services' documented normalisation).
 *
 * <p>Seeded: CI sends a sample of {@value #SAMPLE} inputs an endpoint, {@code -Dfuzz.all=true} every one;
 * {@code -Dfuzz.seed=<n>} replays a run (the seed is printed).
 */
@ExtendWith(DemoStack.class)
@Order(5) // after the access matrix, whose table says who may call what; its accepted writes come after every check of demo data
class HostileInputIT {

    static final int SAMPLE = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PREFERRED = List.of("operator", "staff", "platform", "committee", "resident", "regulator", "tenant", "merchant", "gate");

    @Test
    void noInputGetsAServerErrorIsHalfStoredOrIsSilentlyChanged() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        boolean all = Boolean.getBoolean("fuzz.all");
        Random random = new Random(seed);
        UUID community = UUID.fromString(DemoStack.running().community());
        int port = URI.create(DemoStack.running().stack().gatewayUrl()).getPort();
        Callers callers = Callers.signIn(DemoStack.running().keycloak(), null);
        Map<String, Map<String, Integer>> access = AccessMatrixIT.read();
        Throttle throttle = new Throttle(80);

        List<String> findings = new ArrayList<>();
        Map<String, int[]> tried = new TreeMap<>();
        int total = 0;
        List<Endpoints.Endpoint> endpoints = Endpoints.all(RepoRoot.locate());
        for (Endpoints.Endpoint endpoint : endpoints) {
            if (endpoint.contentType() == null) {
                continue;
            }
            String caller = PREFERRED.stream().filter(c -> !List.of(401, 403).contains(access.get(endpoint.key()).get(c))).findFirst().orElse(null);
            if (caller == null) {
                continue; // no demo role may call it: nothing behind the gateway ever reads its body
            }
            List<Input> inputs = inputs(endpoint, community);
            if (!all) {
                Collections.shuffle(inputs, random);
                inputs = inputs.subList(0, Math.min(SAMPLE, inputs.size()));
            }
            String path = endpoint.path(community);
            String authorization = callers.authorization(caller);
            String before = readBack(port, endpoint, endpoints, community, authorization, throttle);
            boolean anyAccepted = false;
            for (Input input : inputs) {
                throttle.await();
                RawHttp.Answer answer = send(port, endpoint.method(), path, authorization, endpoint.contentType(), input.bytes());
                anyAccepted |= answer.status() / 100 == 2;
                findings.addAll(judge(endpoint, caller, input, answer));
            }
            String after = readBack(port, endpoint, endpoints, community, authorization, throttle);
            if (!anyAccepted && before != null && !before.equals(after)) {
                findings.add(endpoint.key() + ": everything sent was refused, yet its list reads differently afterwards");
            }
            tried.put(endpoint.key(), new int[] {inputs.size()});
            total += inputs.size();
        }

        System.out.printf("hostile input: seed %d, %d endpoints, %d inputs (%s), %d findings%n", seed, tried.size(), total, all ? "all" : "sample of " + SAMPLE, findings.size());
        tried.forEach((endpoint, n) -> System.out.printf("  %5d  %s%n", n[0], endpoint));
        assertThat(findings).as("findings (replay with -Dfuzz.seed=" + seed + ")").isEmpty();
    }

    /** One request body and what it was made of. */
    record Input(String name, byte[] bytes, String field, String value) {
    }

    private static List<Input> inputs(Endpoints.Endpoint endpoint, UUID community) {
        List<Input> inputs = new ArrayList<>();
        if (endpoint.contentType().contains("json")) {
            Nasties.BODIES.forEach(b -> inputs.add(new Input(b.name(), b.bytes(), null, null)));
            Map<String, String> fields = BodyBuilder.fields(endpoint.body(), endpoint.components(), community);
            inputs.add(new Input("built-from-schema", BodyBuilder.object(fields).getBytes(StandardCharsets.UTF_8), null, null));
            Map<String, String> extra = new LinkedHashMap<>(fields);
            extra.put("notInTheSchema", "\"x\"");
            inputs.add(new Input("unknown-field", BodyBuilder.object(extra).getBytes(StandardCharsets.UTF_8), null, null));
            for (String field : fields.keySet()) {
                for (Nasties.Value value : Nasties.VALUES) {
                    Map<String, String> mutated = new LinkedHashMap<>(fields);
                    mutated.put(field, value.json());
                    inputs.add(new Input(field + "=" + value.name(), BodyBuilder.object(mutated).getBytes(StandardCharsets.UTF_8), field, value.json()));
                }
            }
        } else if (endpoint.contentType().startsWith("text/")) {
            Nasties.ROWS.forEach(b -> inputs.add(new Input(b.name(), b.bytes(), null, null)));
        } else {
            Nasties.FILES.forEach(b -> inputs.add(new Input(b.name(), b.bytes(), null, null)));
        }
        return inputs;
    }

    private static List<String> judge(Endpoints.Endpoint endpoint, String caller, Input input, RawHttp.Answer answer) {
        String where = "%s as %s with %s: %d".formatted(endpoint.key(), caller, input.name(), answer.status());
        List<String> findings = new ArrayList<>();
        if (answer.status() >= 500) {
            findings.add(where + " — a server error: " + abbreviate(answer.body()));
        } else if (answer.status() >= 400 && !answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json")) {
            findings.add(where + " — a refusal that is not problem+json: " + abbreviate(answer.body()));
        } else if (answer.status() != 204 && answer.body().isBlank()) {
            findings.add(where + " — an empty body");
        } else if (answer.status() / 100 == 2 && input.field() != null && input.value().startsWith("\"")) {
            String silent = silentlyChanged(endpoint, input, answer);
            if (silent != null) {
                findings.add(where + " — accepted, but reads back " + silent);
            }
        }
        return findings;
    }

    /** How an accepted text came back differently from what was sent (beyond trimming), or null. */
    private static String silentlyChanged(Endpoints.Endpoint endpoint, Input input, RawHttp.Answer answer) {
        JsonNode back;
        try {
            back = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return null;
        }
        JsonNode field = back.path(input.field());
        if (!field.isString()) {
            return null; // not echoed under its name: nothing to compare
        }
        String sent = JSON.readValue(input.value(), String.class);
        String got = field.asString();
        return documented(endpoint, input.field(), sent).equals(got) ? null : abbreviate(JSON.writeValueAsString(got)) + " for " + abbreviate(input.value());
    }

    /**
     * Text as the README says it is stored ("When something is wrong"): without surrounding spaces of any
     * kind; a login in lower case; an identifier people type and compare (a unit's number, a building's
     * name, an owner's reference, a plate) in Unicode NFKC, so full-width １０１ is 101.
     */
    static String documented(Endpoints.Endpoint endpoint, String field, String sent) {
        boolean identifier = List.of("number", "ownerRef", "plate").contains(field) || field.equals("name") && endpoint.template().endsWith("/buildings");
        if (identifier) {
            sent = java.text.Normalizer.normalize(sent, java.text.Normalizer.Form.NFKC);
        }
        int from = 0;
        int to = sent.length();
        while (from < to && isSpace(sent.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(sent.charAt(to - 1))) {
            to--;
        }
        String trimmed = sent.substring(from, to);
        return field.equals("login") ? trimmed.toLowerCase(java.util.Locale.ROOT) : trimmed;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The list at the same path (GET), if the OpenAPI has one: what a refused request must leave as it was. */
    private static String readBack(int port, Endpoints.Endpoint endpoint, List<Endpoints.Endpoint> endpoints, UUID community, String authorization,
                                   Throttle throttle) throws InterruptedException {
        if (!endpoint.method().equals("POST")) {
            return null;
        }
        boolean listed = endpoints.stream().anyMatch(e -> e.method().equals("GET") && e.template().equals(endpoint.template()));
        if (!listed) {
            return null;
        }
        throttle.await();
        RawHttp.Answer list = send(port, "GET", endpoint.path(community), authorization, null, null);
        return list.status() + " " + list.body().replaceAll("\"traceId\":\"[0-9a-f]+\"", ""); // a refusal's traceId is its own
    }

    static RawHttp.Answer send(int port, String method, String target, String authorization, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType.contains("json") ? contentType + "; charset=UTF-8" : contentType);
        }
        headers.put("Accept", "application/json, application/problem+json, */*");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        return RawHttp.request(port, method, target, headers, body);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
