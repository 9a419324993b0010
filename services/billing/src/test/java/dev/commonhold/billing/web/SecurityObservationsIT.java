package dev.commonhold.billing.web;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are timed (http.server.requests) but the security chain is not observed filter by filter
 * (platform/security SecurityObservationsAutoConfiguration): that cost a tenth of a request's CPU.
 */
@IntegrationTest
class SecurityObservationsIT {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestIsTimedWithoutObservingEverySecurityFilter() {
        String token = Infra.tokens().user("operator").roles("operator-admin").company(UUID.randomUUID()).token();
        int status = new Api("http://localhost:" + port).as(token).get("/api/billing/communities/" + UUID.randomUUID() + "/register-copy").status();

        assertThat(status).as("answered through the whole security chain").isIn(200, 403, 404);
        assertThat(meters.find("http.server.requests").timers()).as("requests are still timed").isNotEmpty();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
        assertThat(meters.find("spring.security.authorizations").meters()).isEmpty();
    }
}
