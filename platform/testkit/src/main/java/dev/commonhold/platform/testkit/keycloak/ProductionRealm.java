package dev.commonhold.platform.testkit.keycloak;

import dev.commonhold.platform.testkit.tls.SelfSigned;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The realm a server imports (infra/keycloak/production): no users, no secrets — those come from
 * the environment, as docker-compose.yml passes them. Tests inject fresh test-only values the same
 * way, and reach Keycloak over TLS only (the realm requires it for every address).
 */
public final class ProductionRealm {

    public static final String PUBLIC_URL = "https://commonhold.test";

    private final Path realmFile = RealmFile.locate().resolveSibling("production/commonhold-realm.json");
    private final SelfSigned tls = SelfSigned.create("keycloak");
    private final SelfSigned machineKey = SelfSigned.create("machine");
    private final String gatewaySecret = "test-only-" + UUID.randomUUID();
    private final String gateSecret = "test-only-" + UUID.randomUUID();
    private final String registrySecret = "test-only-" + UUID.randomUUID();
    private final String operatorCompany = UUID.randomUUID().toString();

    public Path realmFile() {
        return realmFile;
    }

    /** The deny-list the realm's password policy names (passwordBlacklist), mounted where Keycloak looks for it. */
    public Path denylist() {
        return realmFile.resolveSibling("password-denylist.txt");
    }

    public static String denylistName() {
        return "commonhold-denylist.txt";
    }

    /** What docker-compose.yml requires for the realm's placeholders, with test-only values. */
    public Map<String, String> environment() {
        return Map.of("COMMONHOLD_PUBLIC_URL", PUBLIC_URL,
                "COMMONHOLD_GATEWAY_CLIENT_SECRET", gatewaySecret,
                "COMMONHOLD_GATE_CLIENT_SECRET", gateSecret,
                "COMMONHOLD_REGISTRY_CLIENT_SECRET", registrySecret,
                "COMMONHOLD_OPERATOR_COMPANY", operatorCompany,
                "COMMONHOLD_MACHINE_CERTIFICATE", machineKey.certificateBase64());
    }

    /** Keycloak's TLS key and certificate. */
    public SelfSigned tls() {
        return tls;
    }

    /** The integration's signing key; Keycloak holds its certificate. */
    public SelfSigned machineKey() {
        return machineKey;
    }

    public String gatewaySecret() {
        return gatewaySecret;
    }

    public String registrySecret() {
        return registrySecret;
    }

    public String gateSecret() {
        return gateSecret;
    }

    public String operatorCompany() {
        return operatorCompany;
    }
}
