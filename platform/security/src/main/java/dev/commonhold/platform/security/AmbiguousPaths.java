package dev.commonhold.platform.security;

import java.util.regex.Pattern;

/**
 * A path that can be read two ways: an ASCII character sent percent-encoded ({@code c%6Fmmunity},
 * {@code %2D} in an id, an encoded slash or dot), a {@code ;} parameter, an empty segment
 * ({@code //}), a dot segment or a backslash. Community scoping, routing, security and the service
 * must all read the same path, and only a plain one reads the same everywhere (issue 16, item 5):
 * the gateway and every service refuse the others before anything decides on them.
 */
public final class AmbiguousPaths {

    /** What to tell the caller. */
    public static final String DETAIL = "The path can be read more than one way (an encoded ASCII character, ';', '//', '.' or '..' segments, "
            + "or '\\\\'). Send the plain path, e.g. /api/community/communities/<id>/units.";

    /** %00–%7F: ASCII that could have been written as itself. Percent-encoded UTF-8 (%80 and up) is how non-ASCII is sent, and stays. */
    private static final Pattern ENCODED_ASCII = Pattern.compile("%[0-7][0-9A-Fa-f]");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

    private AmbiguousPaths() {
    }

    /** @param rawPath the path as sent, not decoded */
    public static boolean ambiguous(String rawPath) {
        return rawPath != null && (ENCODED_ASCII.matcher(rawPath).find() || rawPath.contains(";") || rawPath.contains("//")
                || rawPath.contains("\\") || DOT_SEGMENT.matcher(rawPath).find());
    }
}
