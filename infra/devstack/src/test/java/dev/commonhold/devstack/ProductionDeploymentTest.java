package dev.commonhold.devstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a security reviewer checks in the deployment before it reaches a server (issue 18), proved
 * from the files since compose cannot run here: the production realm holds no people and no
 * secrets, every secret compose passes is required, Keycloak runs in production mode on
 * PostgreSQL, no datastore is published or reachable from the edge, every container is locked
 * down and pinned, and Kafka grants each service its own topics only.
 */
class ProductionDeploymentTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[?-])?([^}]*)}");
    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}$");
    private static final List<String> PRIVILEGED = List.of("platform-admin", "operator-admin", "regulator", "committee");

    private final Path repository = RepoRoot.locate();
    private final String composeText = read("docker-compose.yml");
    private final Map<String, Map<String, Object>> compose = services();
    private final JsonNode realm = JsonMapper.builder().build().readTree(read("infra/keycloak/production/commonhold-realm.json"));
    private final JsonNode demo = JsonMapper.builder().build().readTree(read("infra/keycloak/commonhold-realm.json"));

    @Test
    void theProductionRealmHoldsNoUsersNoCredentialsAndNoLiteralSecret() {
        // The only users are service accounts of its own clients (their role mappings must be users); no person, no password.
        for (JsonNode user : realm.get("users")) {
            assertThat(user.path("serviceAccountClientId").asString()).as(user.get("username").asString() + " is a service account")
                    .isIn(clientIds(realm));
            assertThat(user.get("username").asString()).isEqualTo("service-account-" + user.get("serviceAccountClientId").asString());
        }
        assertThat(realm.toString()).doesNotContain("\"credentials\"").doesNotContain("\"password\"")
                .doesNotContain("machine-secret").doesNotContain("gate-secret").doesNotContain("gateway-secret");
        for (JsonNode client : realm.get("clients")) {
            String id = client.get("clientId").asString();
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).as(id + " secret comes from the environment").matches("\\$\\{[A-Z_]+}");
            }
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as(id + " takes no password grant").isFalse();
            client.path("redirectUris").forEach(uri -> assertThat(uri.asString()).as(id + " redirect is exact and under the public https name")
                    .startsWith("${COMMONHOLD_PUBLIC_URL}/").doesNotContain("*"));
        }
        assertThat(clientIds(realm)).contains("admin-cli");
        assertThat(realm.get("sslRequired").asString()).isEqualTo("all");
    }

    @Test
    void everyPlaceholderOfTheRealmIsARequiredVariableOfKeycloak() {
        Map<String, Object> keycloak = environment("keycloak");
        Matcher placeholders = VARIABLE.matcher(realm.toString());
        Set<String> names = new TreeSet<>();
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        assertThat(names).containsExactlyInAnyOrder("COMMONHOLD_PUBLIC_URL", "COMMONHOLD_GATEWAY_CLIENT_SECRET", "COMMONHOLD_GATE_CLIENT_SECRET",
                "COMMONHOLD_REGISTRY_CLIENT_SECRET", "COMMONHOLD_OPERATOR_COMPANY", "COMMONHOLD_MACHINE_CERTIFICATE");
        names.forEach(name -> assertThat(String.valueOf(keycloak.get(name))).as(name).startsWith("${" + name + ":?"));
    }

    @Test
    void theProductionRealmsPoliciesAreThoseOfTheIssue() {
        assertThat(realm.get("passwordPolicy").asString()).contains("length(12)", "notUsername", "notEmail", "passwordHistory(", "passwordBlacklist(commonhold-denylist.txt)");
        assertThat(read("infra/docker/keycloak.Dockerfile")).contains("infra/keycloak/production/password-denylist.txt /opt/keycloak/data/password-blacklists/commonhold-denylist.txt");
        assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.get("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.get("defaultRole").toString()).as("no offline tokens unless granted").doesNotContain("offline_access");
        assertThat(realm.get("offlineSessionMaxLifespanEnabled").asBoolean()).isTrue();
        assertThat(realm.get("verifyEmail").asBoolean()).as("email changes verified").isTrue();
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("eventsExpiration").asLong()).isPositive();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("attributes").get("adminEventsExpiration").asLong()).isPositive();
        JsonNode machine = client(realm, "commonhold-machine");
        assertThat(machine.get("clientAuthenticatorType").asString()).isEqualTo("client-jwt");
        assertThat(machine.toString()).doesNotContain("platform-admin");
        assertThat(client(realm, "commonhold-cli").get("attributes").get("oauth2.device.authorization.grant.enabled").asString()).isEqualTo("true");
    }

    @Test
    void privilegedRolesSignInWithASecondFactor() {
        for (JsonNode role : realm.get("roles").get("realm")) {
            if (PRIVILEGED.contains(role.get("name").asString())) {
                assertThat(role.get("composites").get("realm").toString()).as(role.get("name").asString()).contains("second-factor-required");
            }
        }
        String browser = realm.get("browserFlow").asString();
        String flows = realm.get("authenticationFlows").toString();
        assertThat(flows).contains("\"alias\":\"" + browser + "\"", "conditional-user-role", "auth-otp-form");
        assertThat(realm.get("authenticatorConfig").toString()).contains("\"condUserRole\":\"second-factor-required\"");
    }

    @Test
    void theProductionRealmKeepsTheDemoRealmsRolesClientsAndClaims() {
        Set<String> demoRoles = names(demo.get("roles").get("realm"));
        assertThat(names(realm.get("roles").get("realm"))).containsAll(demoRoles);
        assertThat(clientIds(realm)).containsAll(clientIds(demo));
        for (String id : List.of("commonhold-gateway", "commonhold-cli")) {
            assertThat(client(realm, id).get("protocolMappers")).as(id + " claims").isEqualTo(client(demo, id).get("protocolMappers"));
        }
        assertThat(realm.get("components")).as("the user profile").isEqualTo(demo.get("components"));
    }

    @Test
    void everySecretComposePassesIsRequiredAndNothingFallsBackToAValue() {
        Matcher variables = VARIABLE.matcher(composeText);
        while (variables.find()) {
            String name = variables.group(1);
            String mode = variables.group(2);
            assertThat(mode).as("${%s} without :? or :- is silently empty", name).isNotNull();
            if (name.matches(".*(PASSWORD|SECRET|CERTIFICATE|CLUSTER_ID|PUBLIC_URL|COMPANY).*")) {
                assertThat(mode).as("%s is required", name).isEqualTo(":?");
            }
            if (mode.equals(":-")) {
                assertThat(variables.group(3)).as("%s falls back to nothing, never to a value", name).isEmpty();
            }
        }
        assertThat(composeText).doesNotContain("start-dev").doesNotContain("admin}").doesNotContain("postgres}");
        String init = read("infra/docker/postgres-init.sh");
        assertThat(init).doesNotContainPattern("PASSWORD '[^']").contains("printenv");
        assertThat(read(".gitignore")).containsPattern("(?m)^\\.env$").containsPattern("(?m)^secrets/$");
    }

    @Test
    void keycloakRunsInProductionModeOnItsOwnPostgresql() {
        Map<String, Object> keycloak = compose.get("keycloak");
        assertThat(keycloak.get("command")).isEqualTo(List.of("start", "--optimized", "--import-realm"));
        String dockerfile = read(String.valueOf(map(keycloak.get("build")).get("dockerfile")));
        assertThat(dockerfile).contains("KC_DB=postgres", "kc.sh build", "COPY infra/keycloak/production/commonhold-realm.json");
        assertThat(environment("keycloak").get("KC_DB_URL")).isEqualTo("jdbc:postgresql://keycloak-postgres:5432/keycloak");
        assertThat(compose.get("keycloak-postgres").get("image").toString()).startsWith("postgres:");
        assertThat(environment("keycloak").get("KC_HOSTNAME").toString()).startsWith("${COMMONHOLD_PUBLIC_URL:?");
        assertThat(environment("keycloak")).containsKeys("KC_HTTPS_CERTIFICATE_FILE", "KC_HTTPS_CERTIFICATE_KEY_FILE");
    }

    @Test
    void noDatastoreIsPublishedOrOnANetworkTheGatewayJoins() {
        Map<String, Object> networks = map(load().get("networks"));
        Set<String> gatewayNetworks = new HashSet<>(networksOf("gateway"));
        for (String datastore : List.of("postgres", "kafka", "kafka-setup", "keycloak-postgres")) {
            assertThat(compose.get(datastore)).as(datastore + " publishes no port").doesNotContainKey("ports");
            for (String network : networksOf(datastore)) {
                assertThat(map(networks.get(network)).get("internal")).as(datastore + " only on internal networks").isEqualTo(true);
                assertThat(gatewayNetworks).as("the gateway cannot reach " + datastore).doesNotContain(network);
            }
        }
        compose.forEach((name, service) -> {
            List<?> ports = (List<?>) service.getOrDefault("ports", List.of());
            ports.forEach(port -> assertThat(name.equals("gateway") || port.toString().startsWith("127.0.0.1:"))
                    .as("%s publishes %s", name, port).isTrue());
        });
        assertThat(compose.get("gateway").get("ports")).isEqualTo(List.of("443:8443"));
        compose.forEach((name, service) -> {
            if (service.containsKey("ports")) { // Docker publishes no port of a container that is on internal networks only
                assertThat(networksOf(name).stream().anyMatch(n -> !Boolean.TRUE.equals(map(networks.get(n)).get("internal"))))
                        .as(name + " publishes a port, so it needs a network that is not internal").isTrue();
            }
        });
        assertThat(environment("gateway")).containsKeys("SERVER_SSL_CERTIFICATE", "SERVER_SSL_CERTIFICATE_PRIVATE_KEY");
    }

    @Test
    void everyContainerIsLockedDownAndLimited() {
        compose.forEach((name, service) -> {
            assertThat(service.get("read_only")).as(name + " read-only root filesystem").isEqualTo(true);
            assertThat(list(service.get("cap_drop"))).as(name + " drops every capability").contains("ALL");
            assertThat(list(service.get("security_opt"))).as(name).contains("no-new-privileges:true");
            assertThat(service).as(name + " memory and pid limits").containsKeys("mem_limit", "pids_limit");
        });
    }

    @Test
    void everyImageIsPinnedByDigestAndTheRuntimeImageCarriesNoCurlAndCannotRewriteItsJar() throws IOException {
        compose.forEach((name, service) -> {
            if (service.containsKey("image")) {
                assertThat(service.get("image").toString()).as(name).containsPattern(DIGEST);
            }
        });
        try (Stream<Path> dockerfiles = Files.list(repository.resolve("infra/docker"))) {
            for (Path dockerfile : dockerfiles.filter(f -> f.getFileName().toString().endsWith("Dockerfile")).toList()) {
                for (String line : Files.readAllLines(dockerfile)) {
                    if (line.startsWith("FROM ")) {
                        assertThat(line.split(" ")[1]).as(dockerfile.getFileName() + ": " + line).containsPattern(DIGEST);
                    }
                }
            }
        }
        String runtime = read("infra/docker/Dockerfile");
        assertThat(runtime).doesNotContain("curl").doesNotContain("--chown").containsPattern("(?m)^USER 10001$");
        compose.values().stream().filter(s -> s.containsKey("healthcheck")).forEach(s ->
                assertThat(s.get("healthcheck").toString()).doesNotContain("curl"));
    }

    @Test
    void actuatorIsOnAManagementPortThatIsNeitherPublishedNorRouted() {
        for (String name : applications()) {
            assertThat(environment(name).get("MANAGEMENT_PORT")).as(name).isEqualTo(9000);
            assertThat(compose.get(name).get("healthcheck").toString()).as(name).contains("/dev/tcp/localhost/9000");
        }
    }

    @Test
    void kafkaGrantsEachServiceItsOwnTopicsAndWhatItConsumesNothingMore() {
        String setup = read("infra/kafka/setup.sh");
        String start = read("infra/kafka/start.sh");
        assertThat(start).contains("allow.everyone.if.no.acl.found=false", "sasl.enabled.mechanisms=SCRAM-SHA-512", "auto.create.topics.enable=false")
                .doesNotContainPattern("(?<!SASL_)PLAINTEXT://:"); // no unauthenticated listener beyond the in-container controller
        for (String name : applications()) {
            if (name.equals("gateway")) {
                continue;
            }
            Map<String, Object> messaging = map(map(yaml("services/" + name + "/src/main/resources/application.yml").get("commonhold")).get("messaging"));
            Set<String> owned = new TreeSet<>();
            owned.addAll(list(messaging.get("topics")));
            owned.addAll(list(messaging.get("state-topics")));
            Set<String> writes = new TreeSet<>();
            owned.forEach(topic -> writes.addAll(List.of(topic, topic + ".dlt")));
            assertThat(grants(setup, "writes", name)).as(name + " writes").isEqualTo(writes);
            assertThat(grants(setup, "reads", name)).as(name + " reads").isEqualTo(new TreeSet<>(list(messaging.get("awaited-topics"))));
            assertThat(setup).as(name + " has a user").containsPattern("(?m)^user " + name + "$");
            assertThat(environment(name).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString()).contains("username=\"" + name + "\"");
            String variable = "KAFKA_PASSWORD_" + name.toUpperCase().replace('-', '_');
            assertThat(environment("kafka-setup")).as(variable).containsKey(variable);
            assertThat(environment(name)).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        }
    }

    @Test
    void theSecretsScriptGivesEveryRequiredVariableAFreshValue() throws Exception {
        Map<String, String> first = secretsFromScript();
        Map<String, String> second = secretsFromScript();
        Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(composeText);
        while (required.find()) {
            String name = required.group(1);
            assertThat(first.get(name)).as(name).isNotBlank();
            if (name.matches(".*(PASSWORD|SECRET).*")) {
                assertThat(first.get(name)).as(name + " is random").hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.get(name))
                        .as(name + " needs no quoting in JAAS, SCRAM, JSON or .env").matches("[A-Za-z0-9._~-]{16,}");
            }
        }
        assertThat(first.get("KAFKA_CLUSTER_ID")).hasSize(22);
        java.security.cert.Certificate machine = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(first.get("COMMONHOLD_MACHINE_CERTIFICATE"))));
        assertThat(machine.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    private Map<String, String> secretsFromScript() throws Exception {
        Path target = Files.createTempDirectory("server-secrets");
        ProcessBuilder script = new ProcessBuilder("bash", repository.resolve("infra/scripts/new-server-secrets.sh").toString(), "https://commonhold.example.cn")
                .redirectErrorStream(true);
        script.environment().put("COMMONHOLD_SECRETS_DIR", target.toString());
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(target.resolve(".env"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    private static Set<String> grants(String setup, String verb, String service) {
        Matcher lines = Pattern.compile("(?m)^" + verb + " " + Pattern.quote(service) + " (.+)$").matcher(setup);
        Set<String> topics = new TreeSet<>();
        while (lines.find()) {
            topics.addAll(List.of(lines.group(1).trim().split("\\s+")));
        }
        return topics;
    }

    private List<String> applications() {
        try (Stream<Path> services = Files.list(repository.resolve("services"))) {
            List<String> names = new ArrayList<>(services.filter(d -> Files.exists(d.resolve("pom.xml"))).map(d -> d.getFileName().toString()).sorted().toList());
            names.add("gateway");
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> networksOf(String service) {
        return list(compose.get(service).get("networks"));
    }

    private Map<String, Object> environment(String service) {
        return map(compose.get(service).get("environment"));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static Set<String> clientIds(JsonNode realm) {
        Set<String> ids = new TreeSet<>();
        realm.get("clients").forEach(c -> ids.add(c.get("clientId").asString()));
        return ids;
    }

    private static Set<String> names(JsonNode roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.get("name").asString()));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private Map<String, Object> load() {
        return new Yaml().load(composeText);
    }

    private Map<String, Object> yaml(String path) {
        return new Yaml().load(read(path));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) load().get("services");
    }

    private String read(String path) {
        try {
            return Files.readString(repository.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
