package dev.commonhold.platform.security.servlet;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;

/**
 * How a service fetches Keycloak's signing keys on a server. There Keycloak requires HTTPS for
 * every address ({@code sslRequired: all}) and answers plain HTTP on the internal network only to
 * the proxies it trusts (that network's addresses) when they say the request came over HTTPS.
 * With {@code commonhold.security.jwk-set-forwarded-proto=https} (docker-compose.yml) the key fetch
 * says so; the local stack and the tests leave it unset. Fetches time out instead of hanging.
 */
final class KeyFetches {

    private KeyFetches() {
    }

    static JwkSetUriJwtDecoderBuilderCustomizer forwardedProto(String proto) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(5));
        RestTemplate keys = new RestTemplate(requests);
        keys.getInterceptors().add((request, body, execution) -> {
            request.getHeaders().set("X-Forwarded-Proto", proto);
            return execution.execute(request, body);
        });
        return builder -> builder.restOperations(keys);
    }
}
