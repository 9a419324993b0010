package dev.commonhold.platform.web.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.stream.Collectors;

/** Turns Jackson's account of a body it could not read into a message naming the field. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static ProblemException describe(HttpMessageNotReadableException e) {
        Throwable cause = jacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalid(field(unknown), "unknown field; expected one of " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException format) {
            return ProblemException.invalid(field(format), "'%s' is not a valid %s".formatted(format.getValue(), format.getTargetType().getSimpleName()));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return ProblemException.invalid(field(mismatched), "has the wrong type or shape: " + mismatched.getOriginalMessage());
        }
        if (cause instanceof InputCoercionException range && !range.getPath().isEmpty()) { // 1e20 for a long: well-formed JSON, not a syntax error
            Class<?> type = range.getTargetType();
            boolean small = type == int.class || type == Integer.class;
            return ProblemException.invalid(field(range), "is out of range: at most " + (small ? "2,147,483,647" : "9,223,372,036,854,775,807"));
        }
        if (cause instanceof StreamReadException syntax && syntax.getLocation() != null) {
            return ProblemException.invalid("body", "not valid JSON at line %d, column %d: %s".formatted(
                    syntax.getLocation().getLineNr(), syntax.getLocation().getColumnNr(), syntax.getOriginalMessage()));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return ProblemException.invalid(field(jackson), jackson.getOriginalMessage());
        }
        return ProblemException.invalid("body", "missing or unreadable request body");
    }

    /**
     * Jackson's own exception in the chain, which knows the field: the most specific cause is often
     * what Jackson wrapped (a DateTimeParseException for "2026-13-01"), which does not.
     */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e.getMostSpecificCause();
    }

    /** {@code units[3].exclusiveAreaM2}, the way a client names the field. */
    private static String field(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
