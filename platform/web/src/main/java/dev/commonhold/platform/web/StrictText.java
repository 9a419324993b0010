package dev.commonhold.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request never carries control characters: NUL (PostgreSQL cannot store it, so it would
 * surface as a misleading database error), the other C0 and C1 controls (a BEL or an escape sequence
 * in a name reaches a CSV, a PDF, a terminal), bidirectional overrides (U+202A–U+202E, U+2066–U+2069:
 * a reason that reads differently from what it says), a zero-width space, word joiner or byte-order mark
 * (U+200B, U+2060, U+FEFF, U+180E: a name of nothing but these looks empty and was stored as a building's
 * name — the hostile-input harness found it, issue 17) or a lone surrogate (no character at all). Tab
 * and line breaks are text. Refused here as a 400 naming the field, in every service.
 */
final class StrictText extends StdScalarDeserializer<String> {

    private StrictText() {
        super(String.class);
    }

    static SimpleModule module() {
        return new SimpleModule("commonhold-strict-text").addDeserializer(String.class, new StrictText());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = StringDeserializer.instance.deserialize(parser, context);
        String refused = text == null ? null : refused(text);
        if (refused != null) {
            return (String) context.handleWeirdStringValue(String.class, text, "text may not contain " + refused);
        }
        return text;
    }

    /** What in {@code text} may not be there, in words; null when nothing. */
    static String refused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "the NUL character (U+0000)";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "control characters (U+%04X)".formatted((int) c);
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "bidirectional override characters (U+%04X)".formatted((int) c);
            }
            if (c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E) {
                return "an invisible character (U+%04X)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "an unpaired surrogate (U+%04X)".formatted((int) c);
            }
        }
        return null;
    }
}
