package dev.commonhold.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The Keycloak realm roles of DESIGN.md (Security); authorities are {@code ROLE_<realm role>}. */
public enum Role {
    RESIDENT("resident"),
    COMMITTEE("committee"),
    OPERATOR_STAFF("operator-staff"),
    OPERATOR_ADMIN("operator-admin"),
    REGULATOR("regulator"),
    PLATFORM_ADMIN("platform-admin"),
    /** A machine: a gate camera (or the gate controller in front of it) that reports entries and exits of its operator's lots. */
    GATE_DEVICE("gate-device"),
    /** A person or business renting space in a community (租户): sees their own leases and what they owe, nothing else of the community. */
    TENANT("tenant"),
    /** A merchant selling through a community (商户): sees and serves its own orders and settlements, nothing else. */
    MERCHANT("merchant");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public String authority() {
        return "ROLE_" + realmRole;
    }

    public static Optional<Role> fromRealmRole(String name) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(name)).findFirst();
    }
}
