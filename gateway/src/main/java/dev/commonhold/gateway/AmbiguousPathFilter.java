package dev.commonhold.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * Refuses a path that can be read two ways before anything decides on it: an ASCII character sent
 * percent-encoded ({@code c%6Fmmunity}, {@code %2D} in an id, an encoded slash or dot), a
 * {@code ;} parameter, an empty segment ({@code //}), a dot segment or a backslash. Community
 * scoping, routing and the service must all read the same path, and only a plain one reads the same
 * everywhere (issue 16, item 5). Runs right after the traceparent, before security, so the answer is
 * problem+json whoever asks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AmbiguousPathFilter implements WebFilter {

    /** %00–%7F: ASCII that could have been written as itself. Percent-encoded UTF-8 (%80 and up) is how non-ASCII is sent, and stays. */
    private static final Pattern ENCODED_ASCII = Pattern.compile("%[0-7][0-9A-Fa-f]");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (raw != null && ambiguous(raw)) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "Ambiguous path",
                    "The path can be read more than one way (an encoded ASCII character, ';', '//', '.' or '..' segments, or '\\\\'). "
                            + "Send the plain path, e.g. /api/community/communities/<id>/units.");
        }
        return chain.filter(exchange);
    }

    static boolean ambiguous(String rawPath) {
        return ENCODED_ASCII.matcher(rawPath).find() || rawPath.contains(";") || rawPath.contains("//") || rawPath.contains("\\")
                || DOT_SEGMENT.matcher(rawPath).find();
    }
}
