package dev.commonhold.platform.web;

import dev.commonhold.platform.testkit.http.RawHttp;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body is never held whole before it is size-checked (issue 18): a 1 GiB upload is refused
 * from its declared length before a byte of it is read, one streamed without a length is cut off
 * at the limit, and neither moves the heap nor writes anything.
 */
@IntegrationTest
class BodyLimitsIT {

    private static final long ONE_GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGibibyteUploadWithAnIdempotencyKeyIsRefusedAtOnceWithTheHeapFlat() {
        long heapBefore = heapUsed();
        int paymentsBefore = payments();

        RawHttp.Upload upload = RawHttp.upload(port, "/payments", ONE_GIB, false,
                "Content-Type: application/json", "Idempotency-Key: " + UUID.randomUUID());

        assertThat(upload.answer().status()).isEqualTo(413);
        assertThat(upload.answer().headers().get("content-type")).startsWith("application/problem+json");
        assertThat(upload.answer().json().get("type").asString()).endsWith("payload-too-large");
        assertThat(upload.answer().json().get("detail").asString()).contains("at most 1048576 bytes (1 MB)");
        assertThat(upload.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(upload.bytesSent()).as("refused long before the client finished sending").isLessThan(ONE_GIB / 4);
        assertThat(heapUsed() - heapBefore).as("heap growth in bytes").isLessThan(64 * MIB);
        assertThat(payments()).isEqualTo(paymentsBefore);
    }

    @Test
    void aBodyStreamedWithoutALengthIsCutOffAtTheLimitWhetherBufferedForIdempotencyOrParsed() {
        int paymentsBefore = payments();

        RawHttp.Upload keyed = RawHttp.upload(port, "/payments", 3 * MIB, true,
                "Content-Type: application/json", "Idempotency-Key: " + UUID.randomUUID());
        RawHttp.Upload parsed = RawHttp.upload(port, "/things", 3 * MIB, true, "Content-Type: application/json");

        assertThat(keyed.answer().status()).isEqualTo(413);
        assertThat(keyed.answer().json().get("type").asString()).endsWith("payload-too-large");
        assertThat(parsed.answer().status()).as("too large, not 'malformed'").isEqualTo(413);
        assertThat(parsed.answer().json().get("type").asString()).endsWith("payload-too-large");
        assertThat(payments()).isEqualTo(paymentsBefore);
    }

    @Test
    void oneByteOverTheLimitIsRefusedAndExactlyTheLimitIsRead() {
        RawHttp.Upload over = RawHttp.upload(port, "/things", MIB + 1, false, "Content-Type: application/json");
        RawHttp.Upload atLimit = RawHttp.upload(port, "/things", MIB, false, "Content-Type: application/json");

        assertThat(over.answer().status()).isEqualTo(413);
        assertThat(atLimit.answer().status()).as("read whole, then found to hold no JSON value").isEqualTo(400);
    }

    @Test
    void anUploadPathTakesItsLargerLimitAndNoMore() {
        RawHttp.Upload file = RawHttp.upload(port, "/uploads", 3 * MIB, true, "Content-Type: application/octet-stream");
        RawHttp.Upload tooBig = RawHttp.upload(port, "/uploads", 5 * MIB, false, "Content-Type: application/octet-stream");

        assertThat(file.answer().status()).isEqualTo(200);
        assertThat(file.answer().json().get("bytes").asLong()).isEqualTo(3 * MIB);
        assertThat(tooBig.answer().status()).isEqualTo(413);
        assertThat(tooBig.answer().json().get("detail").asString()).contains("(4 MB)");
    }

    @Test
    void aMultipartOrFormBodyIsNotParsedPastTheLimitEvenOnAPathThatDoesNotExist() {
        long heapBefore = heapUsed();
        for (String path : List.of("/things", "/no-such-path")) {
            for (String type : List.of("multipart/form-data; boundary=XBOUNDARYX", "application/x-www-form-urlencoded")) {
                RawHttp.Upload upload = RawHttp.upload(port, path, 64 * MIB, true, "Content-Type: " + type);

                assertThat(upload.answer().status()).as(path + " " + type).isBetween(400, 499);
                assertThat(upload.answer().headers().get("content-security-policy")).as(path).isEqualTo("default-src 'none'; frame-ancestors 'none'");
                assertThat(upload.bytesSent()).as("%s %s: the server stopped reading", path, type).isLessThan(32 * MIB);
            }
        }
        assertThat(heapUsed() - heapBefore).as("heap growth in bytes").isLessThan(64 * MIB);
    }

    @Test
    void theEarliestRefusalCarriesTheSecurityHeaders() {
        RawHttp.Upload refused = RawHttp.upload(port, "/things", 2 * MIB, false, "Content-Type: application/json");

        assertThat(refused.answer().status()).isEqualTo(413);
        assertThat(refused.answer().headers()).containsEntry("content-security-policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("x-content-type-options", "nosniff");
    }

    private int payments() {
        return jdbc.queryForObject("SELECT count(*) FROM payment", Integer.class);
    }

    private static long heapUsed() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
