package dev.commonhold.platform.testkit.keycloak;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the realm export in infra/keycloak, the single source of truth for roles, clients and demo users. */
public final class RealmFile {

    private static final String RELATIVE = "infra/keycloak/commonhold-realm.json";

    private RealmFile() {
    }

    /** {@code -Dcommonhold.keycloak.realm=…} wins; otherwise walks up from the working directory. */
    public static Path locate() {
        String configured = System.getProperty("commonhold.keycloak.realm");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + RELATIVE + " above " + Path.of("").toAbsolutePath()
                + "; run from the repository or pass -Dcommonhold.keycloak.realm=<path>");
    }
}
