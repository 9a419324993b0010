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
            return ProblemException.invalid(field(format), "'%s' is not %s".formatted(format.getValue(), expected(format.getTargetType())));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return ProblemException.invalid(field(mismatched), "has the wrong type: must be " + expected(mismatched.getTargetType()));
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

    /** What a field holds, in a client's words rather than Java's ({@code java.lang.Integer}, {@code CoercionConfig}). */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class || type == Short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (\"yyyy-mm-dd\")";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601, e.g. \"2026-12-01T08:00:00+08:00\")";
        }
        if (type.isEnum()) {
            // Exactly as accepted: the constants' own names (SHOP, not shop).
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list ([…])";
        }
        return "an object ({…})";
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
