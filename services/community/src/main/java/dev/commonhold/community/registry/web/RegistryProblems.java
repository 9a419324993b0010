package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.app.RegistryImports;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's own refusals as problem+json (the platform handles everything generic). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    static final int MAX_LISTED_ERRORS = 500;

    @ExceptionHandler(InvalidRegistryData.class)
    ProblemDetail invalid(InvalidRegistryData e) {
        return ProblemException.invalid(e.field(), e.getMessage()).toProblemDetail();
    }

    @ExceptionHandler(RegistryConflict.class)
    ProblemDetail conflict(RegistryConflict e) {
        return ProblemException.conflict(e.getMessage()).toProblemDetail();
    }

    /** A file that cannot be read as written (bytes not valid in its encoding, a row of another width): refused like any bad spreadsheet. */
    @ExceptionHandler(SpreadsheetRejected.class)
    ProblemDetail unreadable(SpreadsheetRejected e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("import-rejected"), "Spreadsheet refused",
                e.getMessage() + ". Fix the rows listed under errors and upload the whole file again.")
                .with("errorCount", e.count())
                .with("errors", e.problems())
                .toProblemDetail();
    }

    @ExceptionHandler(RegistryImports.Rejected.class)
    ProblemDetail importRejected(RegistryImports.Rejected e) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.of("import-rejected"), "Spreadsheet refused",
                e.getMessage() + ". Fix the rows listed under errors and upload the whole file again.")
                .with("errorCount", e.errors().size())
                .with("errors", e.errors().stream().limit(MAX_LISTED_ERRORS).toList())
                .toProblemDetail();
    }
}
