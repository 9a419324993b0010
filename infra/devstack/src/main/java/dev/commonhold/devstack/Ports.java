package dev.commonhold.devstack;

import java.util.Map;

/**
 * Where the local stack listens; each overridable by environment variable
 * (e.g. {@code COMMONHOLD_GATEWAY_PORT=9080 ./run.sh}).
 */
record Ports(int postgres, int kafka, int kafkaController, int keycloak, int gateway, int channelSimulator, Map<String, Integer> services) {

    static Ports fromEnvironment() {
        return new Ports(port("POSTGRES", 15432), port("KAFKA", 19092), port("KAFKA_CONTROLLER", 19093), port("KEYCLOAK", 8180),
                port("GATEWAY", 8080), port("CHANNEL_SIMULATOR", 8190), Map.of("community", port("COMMUNITY", 8081), "billing", port("BILLING", 8082),
                "trust-account", port("TRUST_ACCOUNT", 8083), "maintenance-fund", port("MAINTENANCE_FUND", 8084),
                "parking", port("PARKING", 8085), "leasing", port("LEASING", 8086), "commerce", port("COMMERCE", 8087),
                "franchise", port("FRANCHISE", 8088)));
    }

    private static int port(String name, int fallback) {
        String value = System.getenv("COMMONHOLD_" + name + "_PORT");
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
