package dev.commonhold.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every error a service answers is RFC 9457 problem+json with a stable {@code type}: bad input
 * is a 4xx naming the field, never a 5xx; the database being away is a 503 with Retry-After; unexpected
 * failures are a 500 carrying the trace id to quote to support, with nothing internal leaked.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Map<Integer, URI> TYPE_BY_STATUS = Map.of(
            400, ProblemType.MALFORMED_REQUEST, 401, ProblemType.UNAUTHENTICATED, 403, ProblemType.FORBIDDEN,
            404, ProblemType.NOT_FOUND, 405, ProblemType.METHOD_NOT_ALLOWED, 409, ProblemType.CONFLICT,
            413, ProblemType.PAYLOAD_TOO_LARGE, 415, ProblemType.UNSUPPORTED_MEDIA_TYPE, 503, ProblemType.UNAVAILABLE);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException problem, HttpServletRequest request) {
        return respond(problem.toProblemDetail(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(ProblemException.invalid(errors).toProblemDetail(), request);
    }

    /** A query parameter that is not valid percent-encoding (%ZZ): Tomcat refuses it when it is first read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameter(org.apache.tomcat.util.http.InvalidParameterException e, HttpServletRequest request) {
        return respond(new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, "Unreadable query",
                "a query parameter is not valid percent-encoding (a '%' must be followed by two hex digits, e.g. %E5%8A%B2)").toProblemDetail(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // SQLSTATE class 22, a data exception: a value PostgreSQL cannot take (a date before 4713 BC, a number past its
            // column), which a check of the request missed. The request's fault, not a conflict with what is recorded.
            log.warn("a value the database cannot take ({}): {}", sql.getSQLState(), sql.getMessage());
            return respond(new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, "Value out of range",
                    "a value in the request is outside what can be stored or searched (a date too far back or ahead, a number too large): "
                            + "check the values you sent").toProblemDetail(), request);
        }
        log.info("refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(ProblemException.conflict("the request conflicts with data already recorded").toProblemDetail(), request);
    }

    /** Seconds a caller waits before trying again when the database is away: a restart takes a few. */
    static final String DATABASE_RETRY_AFTER = "5";

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseAway.is(e)) {
            // Not a bug and not the caller's fault: the transaction did not commit; the same request later will do.
            log.warn("database unavailable answering {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Our database is unavailable for a moment "
                    + "(restarting or unreachable) and nothing was changed. Try again in a few seconds (a payment with the same Idempotency-Key).");
            problem.setType(ProblemType.UNAVAILABLE);
            problem.setTitle("Service unavailable");
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER);
            return respond(problem, request, headers);
        }
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side and nothing was changed. Try again; if it keeps failing, quote the traceId to support.");
        problem.setType(ProblemType.INTERNAL);
        problem.setTitle("Internal error");
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return respond(ProblemException.invalid(errorsOf(e.getBindingResult())).toProblemDetail(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return respond(ProblemException.invalid(errors).toProblemDetail(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return respond(UnreadableBody.describe(e).toProblemDetail(), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        if (String.valueOf(e.getValue()).matches("-?[0-9]{10,}") && UnreadableBody.expected(e.getRequiredType()).equals("a whole number")) {
            return respond(ProblemException.invalid(name, "'%s' is a whole number too large for this value".formatted(e.getValue())).toProblemDetail(), request);
        }
        return respond(ProblemException.invalid(name, "'%s' is not %s".formatted(e.getValue(), UnreadableBody.expected(e.getRequiredType())))
                .toProblemDetail(), request);
    }

    /** A required query parameter left out: a validation error naming it, like a missing field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(org.springframework.web.bind.MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ProblemException.invalid(e.getParameterName(), "is required (a " + e.getParameterType() + ")").toProblemDetail(), request);
    }

    /** A path no endpoint answers, in our words rather than the framework's ("No static resource…"). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(org.springframework.web.servlet.resource.NoResourceFoundException e,
                                                                    HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Not found",
                "nothing is at this path; the service's OpenAPI document lists what is").toProblemDetail(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(TYPE_BY_STATUS.getOrDefault(status.value(), ProblemType.MALFORMED_REQUEST));
        }
        return respond(problem, request, headers);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        return respond(problem, request, HttpHeaders.EMPTY);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request, HttpHeaders headers) {
        return respond(problem, ((ServletWebRequest) request).getRequest(), headers);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpServletRequest request) {
        return respond(problem, request, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpServletRequest request, HttpHeaders headers) {
        ProblemTracing.complete(problem, request.getRequestURI());
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static List<FieldError> errorsOf(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        result.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return errors;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
