package dev.commonhold.parking.web;

import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
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

/** A rule of parking refuses (K1–K5, FR2): 422 naming the field and the rule; nothing changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParkingProblems {

    @ExceptionHandler(ParkingRuleViolation.class)
    ProblemDetail parkingRule(ParkingRuleViolation e) {
        java.net.URI type = e.rule() == null ? ProblemType.VALIDATION : ProblemType.of("parking-rule-" + e.rule().toLowerCase(Locale.ROOT));
        ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type,
                e.rule() == null ? "Invalid request" : "Refused by rule " + e.rule(), e.field() + ": " + e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return (e.rule() == null ? problem : problem.with("rule", e.rule())).toProblemDetail();
    }
}
