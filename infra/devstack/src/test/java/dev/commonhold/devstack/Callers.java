package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.keycloak.KeycloakClient;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who the access matrix asks as (issue 17): every demo role, a user of another community and of
 * another company, and every token the gateway must refuse — none, expired, signed by another key,
 * {@code alg: none}, for another audience, from another issuer, an ID token. Each is the value of an
 * Authorization header (null: none sent).
 */
final class Callers {

    /** The community the outsider belongs to; it exists nowhere, so no service knows it. */
    static final UUID ELSEWHERE = UUID.fromString("e15e1e5e-0000-4000-8000-0000000000e1");

    static final List<String> ROLES = List.of("resident", "committee", "staff", "operator", "regulator", "platform", "tenant", "merchant", "gate");
    static final List<String> SCOPES = List.of("other-community", "other-company");
    static final List<String> DEFECTS = List.of("no-token", "expired", "other-key", "alg-none", "wrong-audience", "wrong-issuer", "id-token");

    private final Map<String, String> bearer = new LinkedHashMap<>();

    private Callers() {
    }

    /**
     * Signs everyone in. {@code expired} is a real token of the resident's that Keycloak issued with a
     * one-second life (made before the matrix runs, so it is long expired — beyond the 60 s skew — by the time it is used).
     */
    static Callers signIn(KeycloakClient keycloak, String expired) {
        Callers callers = new Callers();
        for (String role : ROLES) {
            callers.bearer.put(role, role.equals("gate") ? keycloak.clientToken("commonhold-gate", "gate-secret") : keycloak.passwordToken(role, role));
        }
        callers.bearer.put("other-community", keycloak.passwordToken(user(keycloak, "matrix-outsider", "resident",
                Map.of("communities", List.of(ELSEWHERE.toString()))), "matrix-outsider"));
        callers.bearer.put("other-company", keycloak.passwordToken(user(keycloak, "matrix-rival", "operator-admin",
                Map.of("company", List.of(UUID.nameUUIDFromBytes("rival company".getBytes(StandardCharsets.UTF_8)).toString()))), "matrix-rival"));
        String resident = callers.bearer.get("resident");
        callers.bearer.put("no-token", null);
        callers.bearer.put("expired", expired);
        callers.bearer.put("other-key", signedByAnotherKey(resident));
        callers.bearer.put("alg-none", unsigned(resident));
        callers.bearer.put("wrong-audience", keycloak.clientToken("commonhold-registry", "registry-secret"));
        callers.bearer.put("wrong-issuer", keycloak.adminToken()); // Keycloak's master realm: another issuer, another key
        callers.bearer.put("id-token", keycloak.idToken("resident", "resident"));
        return callers;
    }

    /** The Authorization header's value for a column, or null for none. */
    String authorization(String column) {
        if (!bearer.containsKey(column)) {
            throw new IllegalArgumentException("no caller " + column);
        }
        String token = bearer.get(column);
        return token == null ? null : "Bearer " + token;
    }

    private static String user(KeycloakClient keycloak, String username, String role, Map<String, List<String>> attributes) {
        try {
            keycloak.userId(username); // made by an earlier run on this Keycloak
        } catch (IllegalStateException none) {
            keycloak.createUser(username, username);
            keycloak.grantRealmRoles(username, role);
        }
        keycloak.setAttributes(username, attributes);
        return username;
    }

    /** The same claims, signed with a key of our own under the realm's key id. */
    private static String signedByAnotherKey(String token) {
        String[] parts = token.split("\\.");
        try {
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.generateKeyPair().getPrivate());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims under {@code {"alg":"none"}} with no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
        return header + "." + token.split("\\.")[1] + ".";
    }
}
