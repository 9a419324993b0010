package dev.commonhold.platform.testkit.tokens;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak-shaped tokens from a real OIDC server (mock-oauth2-server: discovery, JWKS, RS256),
 * for a single service's own tests. The claims mirror what the realm in infra/keycloak puts in
 * its tokens; end-to-end tests use real Keycloak instead.
 */
public final class TestTokens implements AutoCloseable {

    public static final String AUDIENCE = "commonhold-api";
    private static final String ISSUER_ID = "commonhold";
    private static final long ONE_HOUR = 3600;

    private final MockOAuth2Server server = new MockOAuth2Server();

    public TestTokens() {
        server.start();
    }

    public String issuerUri() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public User user(String username) {
        return new User(username);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** A user's claims, built up and then signed with {@link #token()}. */
    public final class User {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String subject = UUID.randomUUID().toString();

        private User(String username) {
            claims.put("preferred_username", username);
            claims.put("azp", "commonhold-cli");
            claims.put("realm_access", Map.of("roles", List.of()));
        }

        public User roles(String... roles) {
            claims.put("realm_access", Map.of("roles", List.of(roles)));
            return this;
        }

        public User communities(UUID... communities) {
            claims.put("communities", Arrays.stream(communities).map(UUID::toString).toList());
            return this;
        }

        public User company(UUID company) {
            claims.put("company", company.toString());
            return this;
        }

        public User jurisdiction(String... divisionCodePrefixes) {
            claims.put("jurisdiction", List.of(divisionCodePrefixes));
            return this;
        }

        public User claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** A given subject instead of a random one: the id of a real Keycloak user, for tests that follow that user's account. */
        public User subject(String id) {
            this.subject = id;
            return this;
        }

        public String subject() {
            return subject;
        }

        public String token() {
            return server.issueToken(ISSUER_ID, String.valueOf(claims.get("azp")), // the issuer writes the client it is given as azp
                    new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(AUDIENCE), Map.copyOf(claims), ONE_HOUR)).serialize();
        }
    }
}
