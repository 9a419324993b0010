package dev.commonhold.fund.web;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.platform.ledger.LedgerViolation;
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

/** A rule of the fund refuses (F1–F10, V7, V9): 422 naming the field and the rule; nothing changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FundProblems {

    @ExceptionHandler(FundRuleViolation.class)
    ProblemDetail fundRule(FundRuleViolation e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("fund-rule-" + e.rule().toLowerCase(Locale.ROOT)),
                "Refused by rule " + e.rule(), e.field() + ": " + e.getMessage())
                .with("rule", e.rule())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage())))
                .toProblemDetail();
    }

    /** A sheet we cannot take as it is: 422 with {@code errors: [{row, column, value, message}]}, the first 100; nothing was imported. */
    @ExceptionHandler(SpreadsheetRejected.class)
    ProblemDetail sheetRejected(SpreadsheetRejected e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("import-rejected"), "Sheet not imported",
                e.getMessage() + ". Nothing was imported: correct the file and send the whole of it again.")
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
