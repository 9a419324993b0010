package dev.commonhold.leasing.web;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
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
import java.util.Locale;

/**
 * A rule of leasing refuses (L1–L5, T1): 422 naming the field and the rule. A value that cannot be
 * (dates the wrong way round, an unknown space): 400 naming the field, like every other bad input.
 * Nothing changed either way.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeasingProblems {

    @ExceptionHandler(LeasingRuleViolation.class)
    ProblemDetail leasingRule(LeasingRuleViolation e) {
        if (e.rule() == null) {
            return ProblemException.invalid(e.field(), e.getMessage()).toProblemDetail();
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("leasing-rule-" + e.rule().toLowerCase(Locale.ROOT)),
                "Refused by rule " + e.rule(), e.field() + ": " + e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage()))).with("rule", e.rule()).toProblemDetail();
    }
}
