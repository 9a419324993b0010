package dev.commonhold.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A verified token is found again until its expiry, never after, and never by another token string. */
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    static Jwt jwt(Instant expires) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").subject("camera").issuedAt(NOW.minusSeconds(60));
        return (expires == null ? b : b.expiresAt(expires)).build();
    }

    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    final Clock clock = new Clock() {
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };

    @Test
    void foundAgainUntilOneSecondBeforeExpiry_thenForgotten() {
        VerifiedTokens tokens = new VerifiedTokens(clock);
        Jwt jwt = jwt(NOW.plusSeconds(900));
        tokens.remember("aaa.bbb.ccc", jwt);
        assertThat(tokens.find("aaa.bbb.ccc")).isSameAs(jwt);
        now.set(NOW.plusSeconds(899));
        assertThat(tokens.find("aaa.bbb.ccc")).isSameAs(jwt);
        now.set(NOW.plusSeconds(900));
        assertThat(tokens.find("aaa.bbb.ccc")).as("at its expiry the decoder decides again").isNull();
    }

    @Test
    void onlyTheExactTokenIsFound_andOneWithoutExpiryIsNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(clock);
        tokens.remember("aaa.bbb.ccc", jwt(NOW.plusSeconds(900)));
        assertThat(tokens.find("aaa.bbb.ccX")).as("another signature").isNull();
        tokens.remember("never.expires.x", jwt(null));
        assertThat(tokens.find("never.expires.x")).isNull();
    }

    @Test
    void whenFullItStartsOver() {
        VerifiedTokens tokens = new VerifiedTokens(clock);
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.remember("t" + i, jwt(NOW.plusSeconds(900)));
        }
        tokens.remember("one-more", jwt(NOW.plusSeconds(900)));
        assertThat(tokens.find("t0")).isNull();
        assertThat(tokens.find("one-more")).isNotNull();
    }
}
