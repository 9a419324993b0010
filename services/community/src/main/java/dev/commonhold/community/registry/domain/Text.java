package dev.commonhold.community.registry.domain;

/** Trimming and length checks for names typed by people, naming the field when they fail. */
final class Text {

    private Text() {
    }

    static String required(String field, String value, int maxLength) {
        String trimmed = optional(field, value, maxLength);
        if (trimmed == null) {
            throw new InvalidRegistryData(field, "is required");
        }
        return trimmed;
    }

    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidRegistryData(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
