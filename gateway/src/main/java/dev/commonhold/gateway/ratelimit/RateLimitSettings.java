package dev.commonhold.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests per second the gateway lets through, each counted in a one-second window
 * ({@code commonhold.rate-limits}, application.yml; environment variables on a server).
 *
 * @param userPerSecond      one signed-in person or machine (the token's subject), across all their sessions
 * @param clientPerSecond    one OAuth client (the token's {@code azp}), all its users together — a runaway integration
 * @param cameraPerSecond    a gate camera's account and client (role gate-device): a lot's cameras send in bursts at rush hour
 * @param anonymousPerSecond one caller address without a token (payment notifications, pay-by-QR, sign-in pages)
 */
@ConfigurationProperties("commonhold.rate-limits")
public record RateLimitSettings(int userPerSecond, int clientPerSecond, int cameraPerSecond, int anonymousPerSecond) {

    public RateLimitSettings {
        for (int limit : new int[] {userPerSecond, clientPerSecond, cameraPerSecond, anonymousPerSecond}) {
            if (limit < 1) {
                throw new IllegalArgumentException("commonhold.rate-limits: every limit must be at least 1 request a second, got " + limit);
            }
        }
    }
}
