package dev.commonhold.platform.web;

import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemTracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Query parameters follow the rules of text in a body ({@link StrictText}: no NUL, no control or invisible
 * characters — a NUL reached PostgreSQL and came back as a 409 "conflict"), and each is given once: no endpoint
 * takes a list in its query, and Spring would join {@code ?login=a&login=b} into "a,b" and search for that,
 * silently (both found by trying the audit trail, issue 17). A 400 naming the parameter, in every service.
 * Only the query string is read, never a form body (a payment channel's notification must reach its verifier whole).
 */
final class QueryParameterCheck extends OncePerRequestFilter {

    private final JsonMapper json;

    QueryParameterCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemException wrong = wrong(request.getQueryString());
        if (wrong != null) {
            ProblemTracing.write(wrong, request, response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The problem with a query string, or null; percent-encoding that is not valid is left to the server's own 400. */
    static ProblemException wrong(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notPercentEncoding) {
                return null;
            }
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(name)) {
                return ProblemException.invalid(name, "is given more than once: give it once");
            }
            String refused = StrictText.refused(value);
            if (refused != null) {
                return ProblemException.invalid(name, "may not contain " + refused);
            }
        }
        return null;
    }
}
