package dev.commonhold.platform.testkit.http;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for API tests: requests go over a real socket to a running service or the
 * gateway, as a user's would, and answers are read as the user would see them.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;
    private final boolean patient;

    public Api(String baseUrl) {
        this(baseUrl, Map.of(), false);
    }

    private Api(String baseUrl, Map<String, String> headers, boolean patient) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.patient = patient;
    }

    /**
     * The same client, behaving as a well-mannered script should when the gateway's rate limit refuses it
     * (429 too-many-requests): it waits the {@code Retry-After} seconds and sends again. For the demo seed
     * and the end-to-end classes, which send faster than one person; a test of the limit itself stays impatient.
     */
    public Api patient() {
        return new Api(baseUrl, headers, true);
    }

    /** The same client sending this bearer token. */
    public Api as(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Api header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, more, patient);
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** POSTs a body serialised as JSON (records, maps, lists). A String is sent as it is. */
    public ApiResponse post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public ApiResponse put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    public ApiResponse post(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public ApiResponse post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : JSON.writeValueAsString(body));
    }

    private ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
                java.util.Optional<String> retryAfter = response.headers().firstValue("Retry-After");
                if (!patient || attempt == 10 || response.statusCode() != 429 || retryAfter.isEmpty() || !response.body().contains("/too-many-requests")) {
                    return new ApiResponse(response.statusCode(), response.headers(), response.body());
                }
                Thread.sleep(Long.parseLong(retryAfter.get().trim()) * 1_000);
            }
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
