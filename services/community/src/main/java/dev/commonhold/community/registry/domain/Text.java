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

    /**
     * An identifier people type and compare — a unit number, a building's name, an owner's
     * reference: Unicode NFKC first, so full-width １０１ is 101 and a no-break or ideographic space is
     * a space, then trimmed. Two spellings of one unit can then never be two units.
     */
    static String identifier(String field, String value, int maxLength) {
        return required(field, value == null ? null : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC), maxLength);
    }

    static String optionalIdentifier(String field, String value, int maxLength) {
        return optional(field, value == null ? null : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC), maxLength);
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
