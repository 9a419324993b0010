package dev.commonhold.platform.security.servlet;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's key fetch tells Keycloak's trusted-proxy check that it stands for HTTPS (issue 18, docker-compose.yml). */
class KeyFetchesTest {

    @Test
    void theKeyFetchSaysItStandsForHttpsAndTheTokenIsVerifiedWithTheKeysItGot() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        List<String> forwardedProtos = new CopyOnWriteArrayList<>();
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/certs", exchange -> {
            forwardedProtos.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")));
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        try {
            NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(
                    "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/certs");
            JwkSetUriJwtDecoderBuilderCustomizer customizer = KeyFetches.forwardedProto("https");
            customizer.customize(builder);
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                    new JWTClaimsSet.Builder().subject("resident-1").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
            token.sign(new RSASSASigner(key));

            assertThat(builder.build().decode(token.serialize()).getSubject()).isEqualTo("resident-1");
            assertThat(forwardedProtos).containsExactly("https");
        } finally {
            keycloak.stop(0);
        }
    }
}
