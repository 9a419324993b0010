package dev.commonhold.platform.web;

import dev.commonhold.platform.testkit.http.RawHttp;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 6: what Tomcat refuses before the application sees it — an encoded slash, a NUL,
 * a character no URL may hold, a request line or headers over the limit — is answered like every
 * other error: problem+json with a traceId, not an HTML page or an empty body.
 */
@IntegrationTest
class ServerRefusalsIT {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @LocalServerPort
    int port;

    @Test
    void requestsTheServerCannotReadAreAnsweredAsProblemsWithATraceId() {
        List<String> unreadable = List.of("/things%2Fx", "/things/%00", "/things/a|b", "/things/a\"b", "/things?q=" + "a".repeat(40_000));
        for (String target : unreadable) {
            RawHttp.Answer answer = RawHttp.get(port, target);

            assertThat(answer.status()).as(target.substring(0, Math.min(40, target.length()))).isEqualTo(400);
            assertProblem(answer, "malformed-request");
        }
    }

    @Test
    void headersOverTheLimitAreAProblemToo() {
        RawHttp.Answer answer = RawHttp.get(port, "/things", "X-Padding: " + "b".repeat(40_000));

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "malformed-request");
    }

    @Test
    void whatTheGatewayLetsThroughTheServiceReadsAsWell() {
        RawHttp.Answer answer = RawHttp.get(port, "/things/" + java.util.UUID.randomUUID() + "?q=" + "a".repeat(8_000),
                "X-Padding: " + "b".repeat(15_000));

        assertThat(answer.status()).as("8 KB of request line and 16 KB of headers reach the application").isEqualTo(404);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
    }

    @Test
    void theCallersTraceIdIsQuotedWhenTheHeadersCouldBeRead() {
        RawHttp.Answer answer = RawHttp.get(port, "/things%2Fx", "traceparent: " + TRACEPARENT);

        assertThat(answer.json().get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aStatusSentWithoutABodyBecomesAProblemNamingThePathAsked() {
        RawHttp.Answer answer = RawHttp.get(port, "/send-error", "traceparent: " + TRACEPARENT);

        assertThat(answer.status()).isEqualTo(409);
        assertProblem(answer, "conflict");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/send-error");
        assertThat(answer.json().get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aQueryThatIsNotPercentEncodingIsA400NotA500AndAnUnknownPathIsOurOwn404() {
        RawHttp.Answer query = RawHttp.get(port, "/things?cursor=%ZZ");
        RawHttp.Answer nowhere = RawHttp.get(port, "/no/such/thing");

        assertThat(query.status()).isEqualTo(400);
        assertProblem(query, "malformed-request");
        assertThat(nowhere.status()).isEqualTo(404);
        assertProblem(nowhere, "not-found");
        assertThat(nowhere.json().get("detail").asString()).doesNotContain("static resource");
    }

    private static void assertProblem(RawHttp.Answer answer, String slug) {
        assertThat(answer.headers().get("content-type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).endsWith("/" + slug);
        assertThat(answer.json().get("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(answer.json().get("detail").asString()).isNotBlank();
    }
}
