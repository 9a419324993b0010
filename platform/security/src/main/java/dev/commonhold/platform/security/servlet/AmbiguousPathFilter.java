package dev.commonhold.platform.security.servlet;

import dev.commonhold.platform.security.AmbiguousPaths;
import dev.commonhold.platform.web.problem.ProblemTracing;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The gateway's rule in every service too ({@link AmbiguousPaths}), for a caller that reaches a
 * service directly: a path that can be read two ways is refused before security or routing read it.
 */
final class AmbiguousPathFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    AmbiguousPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (!AmbiguousPaths.ambiguous(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, AmbiguousPaths.DETAIL);
        problem.setType(ProblemType.MALFORMED_REQUEST);
        problem.setTitle("Ambiguous path");
        try {
            ProblemTracing.complete(problem, request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            problem.setInstance(java.net.URI.create("/"));
            ProblemTracing.complete(problem, "/");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
