package dev.commonhold.platform.web.problem;

import java.net.URI;

/**
 * Stable {@code type} URIs of Commonhold's problem+json answers (RFC 9457). They are tag URIs
 * (RFC 4151): identifiers clients may match on, not pages to fetch. Services add their own
 * with {@link #of(String)}.
 */
public final class ProblemType {

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI CONFLICT = of("conflict");
    public static final URI UNAUTHENTICATED = of("unauthenticated");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI IDEMPOTENCY_KEY_MISSING = of("idempotency-key-missing");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNAVAILABLE = of("unavailable");
    public static final URI INTERNAL = of("internal");

    private ProblemType() {
    }

    public static URI of(String slug) {
        return URI.create("tag:commonhold.dev,2026:problem/" + slug);
    }
}
