package dev.commonhold.devstack;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every way of writing a path that could slip past a check made on its text (issue 17): a gateway
 * that matches {@code /communities/<id>} must not be fooled by a path the service then reads as the
 * same address. Each form is of the canonical path the OpenAPI gives, filled with the demo community;
 * where the form needs a second community, it is the outsider's own ({@link Callers#ELSEWHERE}).
 */
final class PathForms {

    static final List<String> FORMS = List.of("pct-letter", "pct-hyphen", "semicolon", "double-slash", "dot-segment", "encoded-slash", "upper-case-id");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private PathForms() {
    }

    /** The endpoint's path written in {@code form}. */
    static String write(String form, Endpoints.Endpoint endpoint, UUID community) {
        String path = endpoint.path(community);
        int third = path.indexOf('/', "/api/".length()) + 1; // where the segment after /api/<service>/ starts
        String head = path.substring(0, third);
        String tail = path.substring(third);
        String target = "/" + community + "/";
        boolean scoped = path.contains(target);
        return switch (form) {
            case "pct-letter" -> head + "%" + Integer.toHexString(tail.charAt(0)).toUpperCase(Locale.ROOT) + tail.substring(1);
            case "pct-hyphen" -> path.replaceFirst("-", "%2D");
            case "semicolon" -> tail.indexOf('/') < 0 ? path + ";x=1"
                    : head + tail.substring(0, tail.indexOf('/')) + ";x=1" + tail.substring(tail.indexOf('/'));
            case "double-slash" -> head + "/" + tail;
            case "dot-segment" -> scoped ? path.replaceFirst(target, "/" + Callers.ELSEWHERE + "/../" + community + "/") : head + "x/../" + tail;
            case "encoded-slash" -> scoped ? path.replaceFirst(target, "/" + Callers.ELSEWHERE + "%2F..%2F" + community + "/")
                    : head.substring(0, head.length() - 1) + "%2F" + tail;
            case "upper-case-id" -> upperCaseIds(path);
            default -> throw new IllegalArgumentException("no path form " + form);
        };
    }

    private static String upperCaseIds(String path) {
        Matcher m = ID.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toUpperCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }
}
