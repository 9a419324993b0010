package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The stack ./run.sh starts, for one end-to-end test class: on the shared PostgreSQL, Kafka and Keycloak, in databases of its own. */
final class EndToEnd {

    private EndToEnd() {
    }

    static Stack start(String logs, int gatewayPort, int simulatorPort) {
        return Stack.start(Infra.postgres(), Infra.kafka().bootstrapServers(), Infra.keycloak().issuerUri(), new Stack.Settings(
                RepoRoot.locate(), Path.of("target", logs), "e2e_" + UUID.randomUUID().toString().substring(0, 8), gatewayPort, simulatorPort,
                Map.of("community", Ports.free(), "billing", Ports.free(), "trust-account", Ports.free(), "maintenance-fund", Ports.free(),
                        "parking", Ports.free(), "leasing", Ports.free(), "commerce", Ports.free(), "franchise", Ports.free())));
    }
}
