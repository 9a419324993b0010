package dev.commonhold.platform.web;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json answer naming the field, and changes nothing. */
@IntegrationTest
class ProblemsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
    }

    @Test
    void missingAndNonPositiveFieldsAreNamedAndNothingIsStored() {
        ApiResponse response = api.post("/things", Map.of("name", "", "amountFen", -5));

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "amountFen");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class)).isZero();
    }

    @Test
    void unknownFieldIsRefusedByName() {
        ApiResponse response = api.post("/things", Map.of("name", "lift", "amountFen", 5, "colour", "red"));

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void textWhereANumberBelongsIsNamed() {
        ApiResponse response = api.post("/things", "{\"name\":\"lift\",\"amountFen\":\"five\"}");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("amountFen");
    }

    /** A number, true/false or a list where text belongs is refused, not turned into text; the message speaks JSON, not Java. */
    @Test
    void aNumberOrTrueWhereTextBelongsIsRefusedInTheClientsWords() {
        for (String name : java.util.List.of("123456789012", "12.5", "true", "[\"lift\"]")) {
            ApiResponse response = api.post("/things", "{\"name\":" + name + ",\"amountFen\":5}");

            assertProblem(response, 400, "validation");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
            assertThat(response.json().get("errors").get(0).get("message").asString()).as(name).matches(".*(is not text|must be text)")
                    .doesNotContain("java.", "Coercion");
        }
        ApiResponse number = api.post("/things", "{\"name\":\"lift\",\"amountFen\":\"5\"}");
        assertThat(number.json().get("errors").get(0).get("message").asString()).doesNotContain("java.", "Coercion", "Long");
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamed() {
        ApiResponse response = api.post("/things", "{\"name\":\"lift\",\"amountFen\":99999999999999999999}");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("amountFen");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("out of range");
    }

    @Test
    void aNulCharacterInTextIsRefusedNamingTheFieldNotAConflict() {
        ApiResponse response = api.post("/things", "{\"name\":\"劲松\\u0000测试\",\"amountFen\":5}");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing WHERE name LIKE '劲松%'", Long.class)).isZero();
    }

    @Test
    void controlCharactersAndBidirectionalOverridesInTextAreRefusedNamingTheField() {
        for (String text : new String[]{"bell\\u0007", "\\u001b[31mred", "\\u202eevil", "lone \\ud800"}) {
            ApiResponse response = api.post("/things", "{\"name\":\"控制字符" + text + "\",\"amountFen\":5}");
            assertProblem(response, 400, "validation");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(text).isEqualTo("name");
        }
        assertThat(api.post("/things", "{\"name\":\"控制字符\\t第一行\\n第二行\",\"amountFen\":5}").status()).as("tab and line breaks are text").isLessThan(300);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing WHERE name LIKE '控制字符%'", Long.class)).isEqualTo(1);
        jdbc.update("DELETE FROM thing WHERE name LIKE '控制字符%'"); // other tests count every row
    }

    @Test
    void aDateThatDoesNotExistIsNamed() {
        ApiResponse response = api.post("/things", "{\"name\":\"lift\",\"amountFen\":5,\"dueOn\":\"2026-13-01\"}");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("dueOn");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("2026-13-01");
    }

    @Test
    void aProblemFromAServicesOwnHandlerAlsoCarriesItsPathAndTraceId() {
        ApiResponse response = api.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").get("/domain-rule");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(response.json().get("instance").asString()).isEqualTo("/domain-rule");
    }

    @Test
    void brokenJsonSaysWhere() {
        ApiResponse response = api.post("/things", "{\"name\": \"lift\",, }");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("detail").asString()).contains("line 1");
    }

    @Test
    void unknownIdIsANotFoundProblem() {
        assertProblem(api.get("/things/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void malformedIdInThePathIsNamed() {
        ApiResponse response = api.get("/things/not-a-uuid");

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("'not-a-uuid' is not an id (UUID)");
    }

    @Test
    void unexpectedFailureIsA500WithATraceIdAndNoInternals() {
        ApiResponse response = api.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").get("/boom");

        assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(response.json().get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        assertProblem(api.get("/no/such/thing"), 404, "not-found");
    }

    /** Spring MVC cannot read a wildcard Content-Type and answered 500 (the access matrix found it on a statement upload, issue 17). */
    @Test
    void aContentTypeThatNamesNoOneTypeIs415NamingTheHeaderAndNothingIsStored() {
        for (String declared : java.util.List.of("*/*", "text/*", "application", "json; charset=UTF-8", "application/json; charset=NOPE", "text/csv; charset=\"\"")) {
            for (String path : java.util.List.of("/things", "/uploads")) {
                ApiResponse response = api.post(path, "{\"name\":\"lift\",\"amountFen\":5}".getBytes(java.nio.charset.StandardCharsets.UTF_8), declared);

                assertThat(response.status()).as(declared + " to " + path).isEqualTo(415);
                assertProblem(response, 415, "unsupported-media-type");
                assertThat(response.json().get("detail").asString()).as(declared).contains("Content-Type \"" + declared + "\"");
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class)).isZero();
        assertThat(api.post("/uploads", new byte[] {1, 2}, "application/octet-stream").status()).as("one type is fine").isEqualTo(200);
    }

    private static void assertProblem(ApiResponse response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("tag:commonhold.dev,2026:problem/" + slug);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
