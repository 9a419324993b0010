package dev.commonhold.platform.testkit.contracts;

import dev.commonhold.platform.testkit.http.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API checked in under {@code contracts/openapi/<service>.yaml} is the one the code
 * serves. After a deliberate API change, refresh it with
 * {@code ./mvnw -pl services/<service> verify -Dit.test=OpenApiContractIT -Dcontracts.update=true}.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    public static void assertServedMatchesCheckedIn(int port, String service) {
        String served = new Api("http://localhost:" + port).get("/v3/api-docs.yaml").body();
        Path contract = contractsDirectory().resolve("openapi/" + service + ".yaml");
        try {
            if (Boolean.getBoolean("contracts.update") || !Files.exists(contract)) {
                Files.writeString(contract, served, StandardCharsets.UTF_8);
            }
            assertThat(served).as("the API changed: review it, then refresh %s with -Dcontracts.update=true", contract)
                    .isEqualTo(Files.readString(contract, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path contractsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts/openapi"))) {
                return dir.resolve("contracts");
            }
        }
        throw new IllegalStateException("contracts/openapi not found above " + Path.of("").toAbsolutePath());
    }
}
