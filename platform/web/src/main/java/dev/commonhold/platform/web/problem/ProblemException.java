package dev.commonhold.platform.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the client should see as problem+json. Thrown from controllers and application
 * services; the domain throws its own exceptions, which a service maps to these.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Not found", "%s %s does not exist or is not visible to you".formatted(what, id));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, "Conflict", detail);
    }

    /** 400 naming the fields, for checks Bean Validation cannot express. */
    public static ProblemException invalid(List<FieldError> errors) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, "Request is not valid",
                errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        return problem.with("errors", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 400 naming the field of a body Jackson could not read: for a service's own handler that takes some unreadable bodies itself. */
    public static ProblemException unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        return UnreadableBody.describe(e);
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
