package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that is down is a 503 problem through the gateway, naming it. Last on the shared stack: it stops a service. */
@ExtendWith(DemoStack.class)
@Order(100)
class ServiceDownIT {

    @Test
    void aServiceThatIsDownIsA503ProblemThroughTheGateway() {
        Stack stack = DemoStack.running().stack();
        stack.service("community").close();

        ApiResponse response = new Api(stack.gatewayUrl()).as(DemoStack.running().keycloak().passwordToken("operator", "operator"))
                .get("/api/community/communities");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("community service");
    }
}
