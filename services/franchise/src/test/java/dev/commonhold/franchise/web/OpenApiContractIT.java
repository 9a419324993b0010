package dev.commonhold.franchise.web;

import dev.commonhold.platform.testkit.contracts.OpenApiContract;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public API checked in under contracts/openapi/franchise.yaml is the one the code serves. */
@IntegrationTest
class OpenApiContractIT {

    @LocalServerPort
    int port;

    @Test
    void servedApiMatchesTheCheckedInContract() {
        OpenApiContract.assertServedMatchesCheckedIn(port, "franchise");
    }
}
