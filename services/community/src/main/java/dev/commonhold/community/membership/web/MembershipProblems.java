package dev.commonhold.community.membership.web;

import dev.commonhold.community.membership.domain.CodeNotAccepted;
import dev.commonhold.community.membership.domain.TooManyGuesses;
import dev.commonhold.platform.web.problem.FieldError;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** Membership's own refusals as problem+json (bad input and conflicts are the register's: RegistryProblems). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MembershipProblems {

    @ExceptionHandler(CodeNotAccepted.class)
    ProblemDetail codeNotAccepted(CodeNotAccepted e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("code-not-accepted"), "Code not accepted", e.getMessage())
                .with("errors", List.of(new FieldError("code", e.getMessage()))).toProblemDetail();
    }

    /** 429 with Retry-After (RFC 9110 §10.2.3) in whole seconds. */
    @ExceptionHandler(TooManyGuesses.class)
    ResponseEntity<ProblemDetail> tooManyGuesses(TooManyGuesses e) {
        ProblemDetail problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.of("too-many-code-attempts"),
                "Too many wrong codes", e.getMessage()).with("retryAfterSeconds", e.retryAfterSeconds()).toProblemDetail();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
