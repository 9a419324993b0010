package dev.commonhold.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the stack and how each is wired: its jar, its port, its database schema and
 * role, and the addresses it needs. A new service is one more entry here (and in docker-compose.yml).
 */
final class Services {

    /** One service to run: {@code schema} is null for the gateway, which has no database. */
    record Spec(String name, Path jar, int port, String schema, Map<String, String> environment) {
    }

    /** Addresses of the shared infrastructure the services connect to. */
    record Infrastructure(String jdbcUrl, String kafkaBootstrap, String issuerUri) {
    }

    private Services() {
    }

    /** @param channels the payment-channel keys billing verifies with (from the channel simulator) */
    static List<Spec> all(Path repository, Infrastructure infra, int gatewayPort, Map<String, Integer> ports, Map<String, String> channels) {
        int community = ports.get("community");
        int billing = ports.get("billing");
        int trust = ports.get("trust-account");
        int fund = ports.get("maintenance-fund");
        int parking = ports.get("parking");
        int leasing = ports.get("leasing");
        int commerce = ports.get("commerce");
        int franchise = ports.get("franchise");
        return List.of(
                community(repository, infra, community, gatewayPort),
                billing(repository, infra, billing, channels),
                trustAccount(repository, infra, trust),
                withDatabase("maintenance-fund", repository.resolve("services/maintenance-fund/target/maintenance-fund.jar"), fund, infra),
                parking(repository, infra, parking),
                withDatabase("leasing", repository.resolve("services/leasing/target/leasing.jar"), leasing, infra),
                withDatabase("commerce", repository.resolve("services/commerce/target/commerce.jar"), commerce, infra),
                withDatabase("franchise", repository.resolve("services/franchise/target/franchise.jar"), franchise, infra),
                new Spec("gateway", repository.resolve("gateway/target/gateway.jar"), gatewayPort, null, Map.ofEntries(
                        Map.entry("PORT", String.valueOf(gatewayPort)),
                        Map.entry("OIDC_ISSUER_URI", infra.issuerUri()),
                        Map.entry("COMMUNITY_URL", "http://localhost:" + community),
                        Map.entry("BILLING_URL", "http://localhost:" + billing),
                        Map.entry("TRUST_ACCOUNT_URL", "http://localhost:" + trust),
                        Map.entry("MAINTENANCE_FUND_URL", "http://localhost:" + fund),
                        Map.entry("PARKING_URL", "http://localhost:" + parking),
                        Map.entry("LEASING_URL", "http://localhost:" + leasing),
                        Map.entry("COMMERCE_URL", "http://localhost:" + commerce),
                        Map.entry("FRANCHISE_URL", "http://localhost:" + franchise),
                        // The portal shows the simulator's cashier page as the QR code a real channel's cashier would show:
                        // a link for the payer's browser, never an address the gateway calls.
                        Map.entry("PORTAL_CASHIER_LINK", channels.getOrDefault("WECHATPAY_API_BASE", "")),
                        // The demo seed is a script of one operator sending several hundred requests a second: the local
                        // stack lets one user send 1,000 (a server keeps the gateway's 100, README "Rate limits").
                        Map.entry("RATE_LIMIT_USER_PER_SECOND", System.getenv().getOrDefault("RATE_LIMIT_USER_PER_SECOND", "1000")))));
    }

    /**
     * Votes whose window has ended are decided within 2 s here, so a demo vote of a minute ends when it says.
     * The register keeps users' Keycloak accounts (communities, resident and committee roles) in line with
     * itself, as the realm's commonhold-registry service account.
     */
    static Spec community(Path repository, Infrastructure infra, int port, int gatewayPort) {
        Spec community = withDatabase("community", repository.resolve("services/community/target/community.jar"), port, infra);
        community.environment().put("COMMONHOLD_ASSEMBLY_CLOSE_CHECK", "2s");
        community.environment().put("KEYCLOAK_URL", infra.issuerUri().replaceFirst("/realms/[^/]+/?$", ""));
        community.environment().put("ACCOUNT_SYNC_MAX_BACKOFF", "PT10S");
        community.environment().put("JOIN_URL", "http://localhost:" + gatewayPort + "/join");
        return community;
    }

    static Spec trustAccount(Path repository, Infrastructure infra, int port) {
        return withDatabase("trust-account", repository.resolve("services/trust-account/target/trust-account.jar"), port, infra);
    }

    static Spec parking(Path repository, Infrastructure infra, int port) {
        return withDatabase("parking", repository.resolve("services/parking/target/parking.jar"), port, infra);
    }

    static Spec billing(Path repository, Infrastructure infra, int port, Map<String, String> channels) {
        Spec billing = withDatabase("billing", repository.resolve("services/billing/target/billing.jar"), port, infra);
        billing.environment().putAll(channels);
        return billing;
    }

    private static Spec withDatabase(String name, Path jar, int port, Infrastructure infra) {
        String schema = name.replace('-', '_');
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(port));
        environment.put("DB_URL", infra.jdbcUrl());
        environment.put("DB_USER", schema);
        environment.put("DB_PASSWORD", schema);
        environment.put("DB_SCHEMA", schema);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        environment.put("OIDC_ISSUER_URI", infra.issuerUri());
        return new Spec(name, jar, port, schema, environment);
    }
}
