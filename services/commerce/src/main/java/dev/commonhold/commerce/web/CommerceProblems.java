package dev.commonhold.commerce.web;

import dev.commonhold.commerce.merchants.domain.InvalidRequest;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A value the domain refuses: 400 naming the field, like every other bad input; nothing changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommerceProblems {

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return ProblemException.invalid(e.field(), e.getMessage()).toProblemDetail();
    }
}
