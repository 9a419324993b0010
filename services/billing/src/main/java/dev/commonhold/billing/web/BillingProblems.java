package dev.commonhold.billing.web;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.reconciliation.domain.StatementRejected;
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

/** Fee collection's refusals as problem+json: 422 naming the field and, where one applies, the rule (P1–P6). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BillingProblems {

    /** A value that is simply not allowed is a 400 like any bad input; one a rule (P1–P6, PY3) refuses is a 422 naming it. */
    @ExceptionHandler(BillingRuleViolation.class)
    ProblemDetail violation(BillingRuleViolation e) {
        if (e.rule() == null) {
            return ProblemException.invalid(e.field(), e.getMessage()).toProblemDetail();
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("billing-rule-" + e.rule().toLowerCase(java.util.Locale.ROOT)),
                "Refused by rule " + e.rule(), e.field() + ": " + e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage())))
                .with("rule", e.rule())
                .toProblemDetail();
    }

    /** A statement file that cannot be read: every bad row and column, so the file can be fixed and sent again whole. */
    @ExceptionHandler(StatementRejected.class)
    ProblemDetail statementRejected(StatementRejected e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("statement-rejected"), "Statement refused",
                e.getMessage() + ". Nothing was stored; fix the rows listed under errors and send the whole file again.")
                .with("errors", e.problems().stream().limit(500).toList())
                .toProblemDetail();
    }
}
