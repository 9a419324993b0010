package dev.commonhold.platform.web.problem;

import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem answer carries the path it answers and the traceId to quote, whichever handler
 * made it — the platform's, a service's own (a rule of its domain) or Spring Security's.
 */
@RestControllerAdvice
public class ProblemTracing implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            complete(problem, request.getURI().getRawPath());
        }
        return body;
    }

    /** Sets the path answered and the request's traceId, unless set: for problems written outside Spring MVC (filters) too. */
    public static ProblemDetail complete(ProblemDetail problem, String path) {
        if (problem.getInstance() == null) {
            problem.setInstance(java.net.URI.create(path));
        }
        String traceparent = MDC.get("traceparent");
        if (traceparent != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
            problem.setProperty("traceId", traceparent.split("-")[1]);
        }
        return problem;
    }

    /** Writes {@code problem} as the answer from a servlet filter (before Spring MVC), traced like any other. */
    public static void write(ProblemException problem, jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response, tools.jackson.databind.json.JsonMapper json) throws java.io.IOException {
        ProblemDetail detail = complete(problem.toProblemDetail(), request.getRequestURI());
        response.setStatus(problem.status().value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(detail));
    }
}
