package dev.commonhold.platform.web.problem;

/** One thing wrong with the request, named so a client can put the message next to the field. */
public record FieldError(String field, String message) {
}
