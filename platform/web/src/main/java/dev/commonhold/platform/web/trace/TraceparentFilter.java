package dev.commonhold.platform.web.trace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Carries the W3C {@code traceparent} of each request (or starts a new trace) into the logs and
 * into every event the request causes (the outbox reads it), and echoes it so a user can quote it.
 */
public class TraceparentFilter extends OncePerRequestFilter {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String traceparent = incoming != null && VALID.matcher(incoming).matches() ? continueTrace(incoming) : newTrace();
        response.setHeader(HEADER, traceparent);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(HEADER, traceparent)) {
            chain.doFilter(request, response);
        }
    }

    /** Same trace, new span for this service's part of it. */
    private static String continueTrace(String incoming) {
        String[] parts = incoming.split("-");
        return "00-" + parts[1] + "-" + hex(8) + "-" + parts[3];
    }

    private static String newTrace() {
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
