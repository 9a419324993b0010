package dev.commonhold.devstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on machines without a Docker engine, so this keeps it honest:
 * every service module has an entry, built from its jar, wired to the right database, broker and
 * identity provider, started only once what it needs is healthy — and agrees with ./run.sh.
 */
class ComposeFileTest {

    private static final Pattern ADDRESS = Pattern.compile("\\$\\{([A-Z_]+_(?:URL|URI|SERVERS)):");
    private final Path repository = RepoRoot.locate();
    private final Map<String, Map<String, Object>> compose = services();

    /** The Compose Specification's own schema (compose-spec/compose-spec, Apache-2.0, vendored in test resources). */
    @Test
    void theFileIsValidComposeAsTheSpecificationDefinesIt() throws IOException {
        var registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_7);
        var schema = registry.getSchema(com.networknt.schema.SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
        Object file = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));

        var errors = schema.validate(tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(file));

        assertThat(errors).as("docker-compose.yml against the Compose Specification").isEmpty();
    }

    @Test
    void everyServiceModuleAndTheGatewayHaveAnEntryBuiltFromTheirJar() throws IOException {
        for (String module : modules()) {
            String name = Path.of(module).getFileName().toString();
            assertThat(compose).as("docker-compose.yml has a service for " + module).containsKey(name);
            Map<String, Object> build = map(compose.get(name).get("build"));
            assertThat(build.get("dockerfile")).isEqualTo("infra/docker/Dockerfile");
            assertThat(map(build.get("args")).get("JAR")).isEqualTo(module + "/target/" + name + ".jar");
            assertThat(Files.readString(repository.resolve(module).resolve("pom.xml"))).contains("<finalName>" + name + "</finalName>");
        }
    }

    @Test
    void everyAddressAServiceReadsIsSetAndPointsIntoTheComposeNetwork() throws IOException {
        for (String module : modules()) {
            String name = Path.of(module).getFileName().toString();
            Map<String, Object> environment = map(compose.get(name).get("environment"));
            Matcher addresses = ADDRESS.matcher(Files.readString(repository.resolve(module).resolve("src/main/resources/application.yml")));
            while (addresses.find()) {
                String variable = addresses.group(1);
                assertThat(environment).as("%s sets %s", name, variable).containsKey(variable);
                String value = String.valueOf(environment.get(variable));
                if (value.startsWith("${COMMONHOLD_PUBLIC_URL")) {
                    continue; // what users and tokens see (the issuer, the join link printed on invitations): the public name
                }
                assertThat(compose).as("%s=%s names a compose service", variable, value).containsKey(hostOf(value));
            }
        }
    }

    @Test
    void servicesWithADatabaseGetTheirOwnDatabaseAndRole() throws IOException {
        String init = Files.readString(repository.resolve("infra/docker/postgres-init.sh"));
        Matcher databases = Pattern.compile("(?m)^for database in (.+); do$").matcher(init);
        assertThat(databases.find()).as("postgres-init.sh lists the databases").isTrue();
        List<String> listed = List.of(databases.group(1).trim().split("\\s+"));
        Map<String, Object> postgres = map(compose.get("postgres").get("environment"));
        for (String module : modules()) {
            String name = Path.of(module).getFileName().toString();
            Map<String, Object> environment = map(compose.get(name).get("environment"));
            if (environment.containsKey("DB_URL")) {
                String database = name.replace('-', '_'); // as the local stack names its schema: no quoting needed anywhere
                assertThat(environment.get("DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
                assertThat(environment.get("DB_USER")).isEqualTo(database);
                assertThat(listed).contains(database);
                String password = database.toUpperCase() + "_DB_PASSWORD";
                assertThat(postgres).as("the init script gets " + password).containsKey(password);
                assertThat(environment.get("DB_PASSWORD")).isEqualTo(postgres.get(password));
                assertThat(dependencies(name)).contains("postgres", "kafka");
            }
        }
    }

    @Test
    void everythingStartsOnlyOnceWhatItNeedsIsHealthy() {
        compose.forEach((name, service) -> {
            assertThat(service).as(name + " has a healthcheck").containsKey("healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                map(dependsOn).forEach((dependency, condition) ->
                        assertThat(map(condition).get("condition")).as("%s waits for %s", name, dependency)
                                .isEqualTo(oneShot(dependency) ? "service_completed_successfully" : "service_healthy"));
            }
        });
        for (String module : modules()) {
            assertThat(dependencies(Path.of(module).getFileName().toString())).contains("keycloak");
        }
    }

    @Test
    void tokensNameTheIssuerServicesExpectAndTheProductionRealmIsImported() throws IOException {
        Map<String, Object> keycloak = compose.get("keycloak");
        String hostname = map(keycloak.get("environment")).get("KC_HOSTNAME").toString();
        String publicUrl = hostname.substring(0, hostname.indexOf(':')); // ${COMMONHOLD_PUBLIC_URL, whatever the message
        for (String module : modules()) {
            assertThat(map(compose.get(Path.of(module).getFileName().toString()).get("environment")).get("OIDC_ISSUER_URI").toString())
                    .startsWith(publicUrl + ":?").endsWith("}/realms/commonhold");
        }
        String dockerfile = map(keycloak.get("build")).get("dockerfile").toString();
        Matcher realm = Pattern.compile("COPY (\\S+commonhold-realm\\.json) /opt/keycloak/data/import/").matcher(Files.readString(repository.resolve(dockerfile)));
        assertThat(realm.find()).isTrue();
        assertThat(repository.resolve(realm.group(1))).isRegularFile();
        assertThat(realm.group(1)).isEqualTo("infra/keycloak/production/commonhold-realm.json");
    }

    /** A job that runs to completion before what depends on it (kafka-setup), not a server to wait on. */
    private boolean oneShot(String service) {
        Map<String, Object> definition = compose.get(service);
        return "no".equals(String.valueOf(definition.get("restart"))) && Boolean.TRUE.equals(map(definition.get("healthcheck")).get("disable"));
    }

    @Test
    void composeRunsTheSameServicesAsTheLocalStack() {
        Set<String> local = Services.all(repository, new Services.Infrastructure("jdbc:x", "k", "i"), 1, Map.of("community", 2, "billing", 3, "trust-account", 4, "maintenance-fund", 5, "parking", 6, "leasing", 7, "commerce", 8, "franchise", 9), Map.of())
                .stream().map(Services.Spec::name).collect(Collectors.toSet());
        Set<String> deployed = modules().stream().map(m -> Path.of(m).getFileName().toString()).collect(Collectors.toSet());
        assertThat(local).isEqualTo(deployed);
    }

    private List<String> modules() {
        try (Stream<Path> services = Files.list(repository.resolve("services"))) {
            List<String> modules = new java.util.ArrayList<>(services.filter(d -> Files.exists(d.resolve("pom.xml")))
                    .map(d -> "services/" + d.getFileName()).sorted().toList());
            modules.add("gateway");
            return modules;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Set<String> dependencies(String service) {
        return map(compose.get(service).get("depends_on")).keySet();
    }

    private static String hostOf(String url) {
        return url.replaceFirst("^[a-z:]+//", "").replaceFirst("[:/].*$", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> file = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) file.get("services");
            return services;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
