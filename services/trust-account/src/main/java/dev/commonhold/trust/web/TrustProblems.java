package dev.commonhold.trust.web;

import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.platform.ledger.LedgerViolation;
import dev.commonhold.platform.web.problem.FieldError;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import dev.commonhold.trust.payments.domain.PaymentRuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** What the journal refuses (unbalanced, closed month, unknown account) is a 422 naming the field; nothing was written. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustProblems {

    /** A rule of the two keys (T3) refuses: 422 naming the field and the rule; nothing changed. */
    @ExceptionHandler(PaymentRuleViolation.class)
    ProblemDetail paymentRule(PaymentRuleViolation e) {
        java.net.URI type = e.rule() == null ? ProblemType.of("payment-refused") : ProblemType.of("trust-rule-" + e.rule().toLowerCase(java.util.Locale.ROOT));
        ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type,
                e.rule() == null ? "Not possible" : "Refused by rule " + e.rule(), e.field() + ": " + e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return (e.rule() == null ? problem : problem.with("rule", e.rule())).toProblemDetail();
    }

    /**
     * A bank statement file we cannot take as it is (unreadable, a row of another width, a balance
     * that does not follow, a changed line): 422 as for any refused spreadsheet —
     * {@code errors: [{row, column, value, message}]}, the first 100, and {@code errorCount}; nothing was imported.
     */
    @ExceptionHandler(SpreadsheetRejected.class)
    ProblemDetail statementRejected(SpreadsheetRejected e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("import-rejected"), "Bank statement not imported",
                e.getMessage() + ". Nothing was imported: correct the file (or export it again from online banking) and send the whole of it.")
                .with("errorCount", e.count())
                .with("errors", e.problems())
                .toProblemDetail();
    }

    @ExceptionHandler(LedgerViolation.class)
    ProblemDetail ledgerViolation(LedgerViolation e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("ledger-refused"), "Refused by the journal",
                e.field() + ": " + e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage())))
                .toProblemDetail();
    }
}
