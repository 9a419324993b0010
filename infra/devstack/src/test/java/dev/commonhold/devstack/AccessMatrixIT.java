package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.RawHttp;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix (issue 17): every endpoint of the checked-in OpenAPI documents, asked through the
 * gateway by every demo role, by a user of another community and of another company, with every token
 * that must be refused, and in every path form that could slip past a check. The expected answers are
 * one table in the repository ({@code access-matrix.tsv}: a row per endpoint, a status per caller);
 * any cell that differs fails, and so does an endpoint without a row. Besides the table, rules no row
 * may break: no 5xx; every refused token 401; nobody outside a community gets a 2xx from inside it;
 * every refusal problem+json; no 429 (the harness paces itself under the gateway's limit). {@code -Daccess.update=true} rewrites the table from what was observed
 * (then review its diff like code).
 */
@ExtendWith(DemoStack.class)
@Order(4) // after the classes that read the demo data: what its allowed callers write changes nothing they check
class AccessMatrixIT {

    private static final Path TABLE = RepoRoot.locate().resolve("infra/devstack/src/test/resources/access-matrix.tsv");
    private static final List<String> COLUMNS = columns();
    /** Anyone may call these (GatewaySecurity): a payment channel's signed notification, paying a charge at the barrier. */
    private static final List<String> PUBLIC = List.of("POST /api/billing/channels/alipay/notifications",
            "POST /api/billing/channels/wechat-pay/notifications", "POST /api/billing/communities/{communityId}/charges/{chargeId}/channel-orders");

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws InterruptedException {
        KeycloakClient keycloak = DemoStack.running().keycloak();
        UUID community = UUID.fromString(DemoStack.running().community());
        int port = URI.create(DemoStack.running().stack().gatewayUrl()).getPort();
        long expiredAt = System.nanoTime();
        String expired = shortLived(keycloak);
        List<Endpoints.Endpoint> endpoints = Endpoints.all(RepoRoot.locate());
        assertThat(send(port, "GET", endpoints.getFirst().path(community), "Bearer " + expired, null, null).status())
                .as("the short-lived token while it lives (the gateway now holds it as verified)").isNotEqualTo(401);
        Callers callers = Callers.signIn(keycloak, expired);

        Map<String, Map<String, Integer>> observed = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        // Endpoint by endpoint, each caller in turn: no one caller asks faster than the gateway's limit for one user.
        Throttle throttle = new Throttle(80);
        List<String> now = COLUMNS.stream().filter(c -> !c.equals("expired")).toList();
        for (Endpoints.Endpoint endpoint : endpoints) {
            for (String column : now) {
                throttle.await();
                record(observed, broken, endpoint, column, ask(port, endpoint, column, callers, community));
            }
        }
        // Spring allows 60 s of clock skew: wait until the short-lived token is past it, then ask with it.
        Thread.sleep(Math.max(0, 63 - TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - expiredAt)) * 1000);
        for (Endpoints.Endpoint endpoint : endpoints) {
            throttle.await();
            record(observed, broken, endpoint, "expired", ask(port, endpoint, "expired", callers, community));
        }

        int cells = endpoints.size() * COLUMNS.size();
        System.out.printf("access matrix: %d endpoints x %d callers = %d cells, %d rules broken%n", endpoints.size(), COLUMNS.size(), cells, broken.size());
        if (Boolean.getBoolean("access.update")) {
            write(observed);
        }
        assertThat(broken).as("rules no cell may break").isEmpty();
        assertThat(differences(observed, read())).as("cells differing from access-matrix.tsv (rewrite it with -Daccess.update=true and review the diff)").isEmpty();
    }

    private static void record(Map<String, Map<String, Integer>> observed, List<String> broken, Endpoints.Endpoint endpoint, String column,
                               RawHttp.Answer answer) {
        observed.computeIfAbsent(endpoint.key(), k -> new LinkedHashMap<>()).put(column, answer.status());
        broken.addAll(rulesBroken(endpoint, column, answer));
    }

    private static RawHttp.Answer ask(int port, Endpoints.Endpoint endpoint, String column, Callers callers, UUID community) {
        if (PathForms.FORMS.contains(column)) {
            return send(port, endpoint.method(), PathForms.write(column, endpoint, community), callers.authorization("other-community"),
                    endpoint.contentType(), endpoint.emptyBody());
        }
        return send(port, endpoint.method(), endpoint.path(community), callers.authorization(column), endpoint.contentType(), endpoint.emptyBody());
    }

    private static List<String> rulesBroken(Endpoints.Endpoint endpoint, String column, RawHttp.Answer answer) {
        List<String> broken = new ArrayList<>();
        String cell = endpoint.key() + " as " + column + ": " + answer.status();
        boolean ok = answer.status() / 100 == 2;
        if (answer.status() >= 500) {
            broken.add(cell + " — a server error " + answer.body());
        }
        if (answer.status() == 429) {
            broken.add(cell + " — over the gateway's rate limit: the harness asks too fast to see the access rules");
        }
        boolean channelsOwnFormat = endpoint.template().startsWith("/api/billing/channels/"); // WeChat Pay's and Alipay's answers (PAYMENT-CHANNELS.md)
        if (!ok && !channelsOwnFormat && !(answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json") && answer.body().contains("\"status\""))) {
            broken.add(cell + " — a refusal without a problem+json body: " + answer.headers().get("content-type") + " " + answer.body());
        }
        if (Callers.DEFECTS.contains(column) && !PUBLIC.contains(endpoint.key()) && answer.status() != 401) {
            broken.add(cell + " — a missing or bad token must be 401");
        }
        boolean outsider = column.equals("other-community") || column.equals("other-company") || PathForms.FORMS.contains(column);
        if (outsider && endpoint.communityScoped() && !PUBLIC.contains(endpoint.key()) && ok) {
            broken.add(cell + " — someone outside the community got an answer from inside it");
        }
        return broken;
    }

    /** A token of the resident's that Keycloak issues with a life of one second (the realm's lifespan, set back at once). */
    private static String shortLived(KeycloakClient keycloak) {
        keycloak.updateRealm(Map.of("accessTokenLifespan", 1));
        try {
            return keycloak.passwordToken("resident", "resident");
        } finally {
            keycloak.updateRealm(Map.of("accessTokenLifespan", 900)); // the demo realm's (infra/keycloak/commonhold-realm.json)
        }
    }

    static RawHttp.Answer send(int port, String method, String target, String authorization, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept", "application/json, application/problem+json, */*");
        boolean carriesBody = body != null || !method.equals("GET") && !method.equals("DELETE");
        return RawHttp.request(port, method, target, headers, carriesBody ? (body == null ? "" : body).getBytes(StandardCharsets.UTF_8) : null);
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(Callers.ROLES);
        columns.addAll(Callers.SCOPES);
        columns.addAll(Callers.DEFECTS);
        columns.addAll(PathForms.FORMS);
        return columns;
    }

    private static List<String> differences(Map<String, Map<String, Integer>> observed, Map<String, Map<String, Integer>> expected) {
        List<String> differences = new ArrayList<>();
        observed.forEach((endpoint, cells) -> {
            Map<String, Integer> row = expected.get(endpoint);
            if (row == null) {
                differences.add(endpoint + ": a new endpoint without a row");
                return;
            }
            cells.forEach((column, status) -> {
                if (!status.equals(row.get(column))) {
                    differences.add("%s as %s: expected %s, answered %d".formatted(endpoint, column, row.get(column), status));
                }
            });
        });
        expected.keySet().stream().filter(endpoint -> !observed.containsKey(endpoint))
                .forEach(endpoint -> differences.add(endpoint + ": a row for an endpoint the OpenAPI no longer has"));
        return differences;
    }

    /** The checked-in table: endpoint key ("METHOD template") → caller → expected status. */
    static Map<String, Map<String, Integer>> read() {
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(TABLE);
            List<String> header = List.of(lines.getFirst().split("\t"));
            assertThat(header.subList(2, header.size())).as("the table's columns").isEqualTo(COLUMNS);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t");
                Map<String, Integer> row = new LinkedHashMap<>();
                for (int i = 2; i < cells.length; i++) {
                    row.put(header.get(i), Integer.parseInt(cells[i]));
                }
                table.put(cells[0] + " " + cells[1], row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private static void write(Map<String, Map<String, Integer>> observed) {
        StringBuilder out = new StringBuilder("method\tpath\t").append(String.join("\t", COLUMNS)).append('\n');
        observed.forEach((endpoint, cells) -> {
            out.append(endpoint.replaceFirst(" ", "\t"));
            COLUMNS.forEach(column -> out.append('\t').append(cells.get(column)));
            out.append('\n');
        });
        try {
            Files.writeString(TABLE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
