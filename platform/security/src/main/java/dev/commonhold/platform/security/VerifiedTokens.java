package dev.commonhold.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, so a caller that sends the same bearer token again (a gate camera every
 * few seconds, a resident browsing) is not verified again: profiling the gate path showed the RSA
 * signature check and the re-parsing of the same token at every request as the largest single cost
 * in the gateway and the services. Keyed by the whole token — its signature included — so only the
 * exact token verified before is ever found; a cached token is forgotten at its expiry, after which
 * the decoder (and its validators, clock skew included) decides again. Bounded: when full it is
 * emptied, which costs one verification per caller.
 */
public final class VerifiedTokens {

    static final int MAX_TOKENS = 4_096;

    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** @return the token as verified before, or null when it was not or it has expired since */
    public Jwt find(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            return null;
        }
        Instant expires = jwt.getExpiresAt();
        if (expires == null || !clock.instant().isBefore(expires)) {
            verified.remove(token);
            return null;
        }
        return jwt;
    }

    /** Remembers a token its decoder has just verified; one without an expiry is never remembered. */
    public Jwt remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
