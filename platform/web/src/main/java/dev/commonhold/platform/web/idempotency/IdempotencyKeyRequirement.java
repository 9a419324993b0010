package dev.commonhold.platform.web.idempotency;

import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a request to a {@link RequiresIdempotencyKey} endpoint that came without the header. */
class IdempotencyKeyRequirement implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(RequiresIdempotencyKey.class)
                && request.getHeader(IdempotencyFilter.HEADER) == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.IDEMPOTENCY_KEY_MISSING, "Idempotency-Key required",
                    "This request moves money: send an Idempotency-Key header (a UUID you generate once and reuse on every retry)")
                    .with("header", IdempotencyFilter.HEADER);
        }
        return true;
    }
}
