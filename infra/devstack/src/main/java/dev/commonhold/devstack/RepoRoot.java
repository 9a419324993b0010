package dev.commonhold.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the stack runs from: {@code -Dcommonhold.repo.root}, or found above the working directory. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path locate() {
        String configured = System.getProperty("commonhold.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("infra/keycloak/commonhold-realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the Commonhold checkout (./run.sh), or pass -Dcommonhold.repo.root=<path>");
    }
}
