package dev.commonhold.platform.messaging;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * JSON Schema's {@code "format": "uuid"} (RFC 4122's 8-4-4-4-12 hex digits, either case), checked by hand:
 * it accepts exactly what the validator's own {@code ^\p{XDigit}{8}-…-\p{XDigit}{12}$} does, without the
 * regular expression. Every event names several UUIDs and every consumer checks every event it acts on;
 * the regular expression was a tenth of a consumer's CPU (JFR, trust-account under bench/run.sh trust).
 */
final class UuidFormat implements Format {

    private static final int LENGTH = 36;

    @Override
    public String getName() {
        return "uuid";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return isUuid(value);
    }

    static boolean isUuid(String value) {
        if (value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
