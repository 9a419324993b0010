package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The demo community's trust account: waits until the trust account has posted what the demo
 * households paid (billing → payment-settled → the owners' books), then closes last month, so its
 * tree head exists for a resident to check against.
 */
final class DemoTrust {

    private final Api operator;
    private final Progress progress;

    DemoTrust(Api operator, Progress progress) {
        this.operator = operator;
        this.progress = progress;
    }

    void seed(String community) {
        String trust = "/api/trust/communities/" + community;
        long entries = awaitPostings(trust);
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        ApiResponse closed = operator.post(trust + "/months/" + last + "/close", java.util.Map.of());
        if (closed.status() != 200) {
            throw new IllegalStateException("closing the demo trust account's last month failed: " + closed);
        }
        JsonNode head = closed.json();
        progress.say("trust account: %d entries posted from billing; %s closed, root %s…".formatted(entries, last,
                head.get("rootHash").asString().substring(0, 16)));
    }

    /** The entry count once it has stopped growing (the relay delivers settlements within a second or two). */
    private long awaitPostings(String trust) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            ApiResponse accounts = operator.get(trust + "/accounts");
            long now = accounts.status() == 200 ? accounts.json().get("entries").asLong() : -1;
            if (now > 0 && now == seen) {
                return now;
            }
            seen = now;
            sleep(1_500);
        }
        throw new IllegalStateException("the trust account posted nothing from billing within 60 s; see .devstack/logs/trust-account.log");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
