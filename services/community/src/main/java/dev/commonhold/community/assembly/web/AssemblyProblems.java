package dev.commonhold.community.assembly.web;

import dev.commonhold.community.assembly.domain.ResolutionRuleViolation;
import dev.commonhold.platform.web.problem.FieldError;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The assembly's refusals: what the voting rules do not allow is a 422 naming the field. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AssemblyProblems {

    @ExceptionHandler(ResolutionRuleViolation.class)
    ProblemDetail ruleViolated(ResolutionRuleViolation e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("voting-rule"), "Not allowed by the voting rules",
                e.field() + ": " + e.getMessage()).with("errors", List.of(new FieldError(e.field(), e.getMessage()))).toProblemDetail();
    }
}
