package dev.commonhold.platform.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The problem for a status that something other than our handlers decided — the servlet container
 * refusing a request it cannot read, a filter calling {@code sendError}, the security firewall —
 * so that every error a service sends is problem+json with a traceId (issue 16, item 6).
 */
public final class StatusProblems {

    private static final Pattern TRACEPARENT = Pattern.compile("^00-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StatusProblems() {
    }

    /**
     * @param path        the path asked for, if it could be read
     * @param traceparent the request's W3C traceparent, if any: its trace id is quoted; otherwise a new one
     */
    public static ProblemDetail of(int status, String path, String traceparent) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(known == null ? HttpStatus.BAD_REQUEST : known, detail(status));
        problem.setType(type(status));
        problem.setTitle(known == null ? "Error " + status : known.getReasonPhrase());
        if (path != null && !path.isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the path is what was refused: it stays out of the answer
            }
        }
        problem.setProperty("traceId", traceId(traceparent));
        return problem;
    }

    static String traceId(String traceparent) {
        var matcher = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        if (matcher != null && matcher.matches()) {
            return matcher.group(1);
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static URI type(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: the path has characters or an encoding that can be read more than one way "
                    + "(';', '//', '.' or '..' segments, an encoded '/', '\\\\' or a control character), or the request line and "
                    + "headers exceed 32 KB. Send the plain path, e.g. /api/community/communities/<id>/units.";
            case 401 -> "Send a valid bearer token from Keycloak (Authorization: Bearer <token>); it may have expired.";
            case 403 -> "Your login may not do this here.";
            case 404 -> "Nothing is here: check the path.";
            case 405 -> "This path does not take that method; see the service's OpenAPI document.";
            case 413 -> "The request body is larger than the service accepts.";
            case 415 -> "Send the body as the content type the endpoint documents (usually application/json).";
            default -> status >= 500 ? "The service failed; quote the traceId when you report it." : "The request was refused.";
        };
    }
}
