package dev.commonhold.platform.web.idempotency;

import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for POSTs: the key, the request's fingerprint and the answer are stored
 * in the same database transaction as the request's effect, so a retry gets the first answer and
 * nothing happens twice — even if the first attempt is still running (the retry waits for it) or
 * the process died before answering (nothing committed, so the retry runs afresh).
 * A repeat with a different body is a 409. Failed attempts (5xx, or an effect that rolled back)
 * store nothing, so they may be retried with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    private final IdempotencyStore store;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyStore store, TransactionTemplate transaction, JsonMapper json) {
        this.store = store;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            writeProblem(response, request, ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters, e.g. a UUID"));
            return;
        }
        BufferedRequest buffered;
        try {
            buffered = new BufferedRequest(request); // at most the path's limit (BodySizeLimitFilter, platform/web)
        } catch (ProblemException tooLarge) {
            writeProblem(response, request, tooLarge);
            return;
        }
        String scope = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String fingerprint = fingerprint(request, canonical(buffered.body()));
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> attempt(scope, key, fingerprint, buffered, answer, chain, status));
        } catch (RuntimeException commitFailed) {
            answer.resetBuffer();
            throw commitFailed;
        }
        switch (outcome) {
            case Outcome.Replay replay -> replay(response, replay.stored());
            case Outcome.Reused reused -> writeProblem(response, request, reused.problem());
            case Outcome.Ran ran -> answer.copyBodyToResponse();
        }
    }

    private Outcome attempt(String scope, String key, String fingerprint, BufferedRequest request,
                            ContentCachingResponseWrapper answer, FilterChain chain, TransactionStatus status) {
        if (!store.claim(scope, key, fingerprint)) {
            return store.find(scope, key)
                    .map(stored -> stored.fingerprint().equals(fingerprint) ? (Outcome) new Outcome.Replay(stored) : reused(key))
                    .orElseGet(() -> reused(key));
        }
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
        if (answer.getStatus() >= 500 || status.isRollbackOnly()) {
            status.setRollbackOnly();
        } else {
            store.complete(scope, key, new StoredResponse(fingerprint, answer.getStatus(), answer.getContentType(),
                    answer.getHeader("Location"), answer.getContentAsByteArray()));
        }
        return new Outcome.Ran();
    }

    private static Outcome reused(String key) {
        return new Outcome.Reused(new ProblemException(HttpStatus.CONFLICT, ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused",
                "Idempotency-Key %s was already used for a different request; use a new key for a new request".formatted(key))
                .with("header", HEADER));
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        Optional.ofNullable(stored.contentType()).ifPresent(response::setContentType);
        Optional.ofNullable(stored.location()).ifPresent(location -> response.setHeader("Location", location));
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(stored.body());
    }

    private void writeProblem(HttpServletResponse response, HttpServletRequest request, ProblemException problem) throws IOException {
        ProblemDetail detail = dev.commonhold.platform.web.problem.ProblemTracing.complete(problem.toProblemDetail(), request.getRequestURI());
        response.setStatus(problem.status().value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(detail));
    }

    /**
     * A JSON body as content, not bytes: a client that serialises the same request again on retry
     * (other key order, other spacing) is the same request. Anything that is not JSON counts as bytes.
     */
    private byte[] canonical(byte[] body) {
        try {
            StringBuilder out = new StringBuilder(body.length);
            canonical(json.readTree(body), out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            node.properties().stream().sorted(Map.Entry.comparingByKey()).forEach(field -> {
                out.append(StringNode.valueOf(field.getKey())).append(':');
                canonical(field.getValue(), out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(element -> {
                canonical(element, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private sealed interface Outcome {
        record Ran() implements Outcome {
        }

        record Replay(StoredResponse stored) implements Outcome {
        }

        record Reused(ProblemException problem) implements Outcome {
        }
    }
}
