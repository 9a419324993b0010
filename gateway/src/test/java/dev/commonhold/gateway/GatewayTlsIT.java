package dev.commonhold.gateway;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.tls.SelfSigned;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway terminating TLS itself, as docker-compose.yml runs it (issue 18): answers carry HSTS,
 * and a plain-HTTP request to the TLS port gets no answer at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTlsIT {

    private static final SelfSigned TLS = SelfSigned.create("gateway");
    private static final StubService keycloak = new StubService(dev.commonhold.platform.testkit.Ports.free());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry properties) {
        // PEM files, as docker-compose.yml gives them (SERVER_SSL_CERTIFICATE, SERVER_SSL_CERTIFICATE_PRIVATE_KEY).
        properties.add("server.ssl.certificate", () -> TLS.certificatePem().toString());
        properties.add("server.ssl.certificate-private-key", () -> TLS.privateKeyPem().toString());
        properties.add("OIDC_ISSUER_URI", () -> Infra.tokens().issuerUri());
        properties.add("KEYCLOAK_URL", keycloak::url);
    }

    @Test
    void httpsAnswersCarryStrictTransportSecurity() throws Exception {
        HttpResponse<String> health = trusting().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unauthenticated = trusting().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/billing/communities")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /** Keycloak (sslRequired: all) serves its sign-in pages through the gateway because the gateway says the caller came over HTTPS. */
    @Test
    void keycloakLearnsThatTheSignInPageWasAskedForOverHttps() throws Exception {
        HttpResponse<String> signIn = trusting().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/realms/commonhold/account"))
                .header("X-Forwarded-For", "203.0.113.66").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"forwardedProto\":\"https\"").contains("\"forwardedFor\":\"127.0.0.1\"");
    }

    @Test
    void plainHttpToTheTlsPortIsRefused() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private static HttpClient trusting() {
        return HttpClient.newBuilder().sslContext(TLS.trustingContext()).connectTimeout(Duration.ofSeconds(3)).build();
    }
}
