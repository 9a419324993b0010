package dev.commonhold.platform.web.headers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * What every answer of a service says about itself, set before anything else runs so that even
 * the earliest refusal (a body too large, an ambiguous path) carries it (issue 18): answers are
 * data, never pages — nothing in them may load, run or be framed, and no browser may sniff them
 * into something else. A download with a stricter policy of its own replaces it.
 */
public final class ApiHeaders extends OncePerRequestFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Sets the headers through {@code set} (a servlet response, or Tomcat's own for answers decided before the application). */
    public static void apply(BiConsumer<String, String> set) {
        set.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        set.accept("X-Content-Type-Options", "nosniff");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response::setHeader);
        chain.doFilter(request, response);
    }
}
