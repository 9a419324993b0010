package dev.commonhold.platform.web.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: what a filter's {@code sendError}, the security firewall's refusal
 * of an ambiguous path or an exception outside Spring MVC leads to. It answers problem+json with the
 * path asked for and the request's traceId, in place of Spring Boot's own JSON shape.
 */
@Hidden // the container's error page, not an endpoint anyone calls
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String traceparent = response.getHeader("traceparent") != null ? response.getHeader("traceparent") : request.getHeader("traceparent");
        ProblemDetail problem = StatusProblems.of(status, uri instanceof String path ? path : null, traceparent);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
