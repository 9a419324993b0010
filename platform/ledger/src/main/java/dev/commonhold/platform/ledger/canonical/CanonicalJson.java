package dev.commonhold.platform.ledger.canonical;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the values a journal holds: objects (members
 * sorted by name), arrays, strings, integers and null; no whitespace; UTF-8. Every name we write is
 * ASCII, so sorting by {@link String#compareTo} is RFC 8785's sort by UTF-16 code units. Integers
 * must lie within ±2^53 (RFC 8785 numbers are IEEE-754 doubles): fen amounts and microseconds since
 * 1970 do until the year 2255. Anyone can reproduce these bytes with an RFC 8785 library.
 */
public final class CanonicalJson {

    private static final long MAX_EXACT = 1L << 53;

    private CanonicalJson() {
    }

    /** @param value a Map with String keys, a List, a String, a Long or Integer, or null */
    public static byte[] bytes(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, Object value) {
        // an if-chain, not a pattern switch: the ledger and its verifier run on Java 17 (a resident's machine)
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Long n) {
            number(out, n);
        } else if (value instanceof Integer n) {
            number(out, n);
        } else if (value instanceof Map<?, ?> map) {
            object(out, map);
        } else if (value instanceof List<?> list) {
            array(out, list);
        } else {
            throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted(map).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, member.getKey());
            out.append(':');
            write(out, member.getValue());
        }
        out.append('}');
    }

    private static TreeMap<String, Object> sorted(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put((String) k, v));
        return sorted;
    }

    private static void array(StringBuilder out, List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(out, list.get(i));
        }
        out.append(']');
    }

    private static void number(StringBuilder out, long n) {
        if (n > MAX_EXACT || n < -MAX_EXACT) {
            throw new IllegalArgumentException(n + " is beyond ±2^53: not exact in canonical JSON");
        }
        out.append(n);
    }

    /** RFC 8785 §3.2.2.2: ", \ and control characters escaped (\b \t \n \f \r by name, others as \\u00xx); all else as is. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
