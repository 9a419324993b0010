package dev.commonhold.franchise.web;

import dev.commonhold.franchise.agreements.domain.InvalidTerms;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

import java.util.stream.Collectors;

/**
 * Terms the domain refuses: 400 naming the field (and the rule, FR1…), like every other bad input; nothing
 * stored. Terms are read straight into the domain's records, so a refusal inside the body arrives wrapped by
 * Jackson, which knows where in the body it was: the field is that path and the record's own field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FranchiseProblems {

    @ExceptionHandler(InvalidTerms.class)
    ProblemDetail invalid(InvalidTerms e) {
        return problem(e, e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = null;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException j && jackson == null) {
                jackson = j;
            }
            if (t instanceof InvalidTerms terms) {
                String path = jackson == null ? "" : jackson.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "");
                return problem(terms, path.isEmpty() ? terms.field() : path + "." + terms.field());
            }
        }
        return ProblemException.unreadable(e).toProblemDetail();
    }

    private static ProblemDetail problem(InvalidTerms e, String field) {
        ProblemDetail problem = ProblemException.invalid(field, e.getMessage()).toProblemDetail();
        if (e.rule() != null) {
            problem.setProperty("rule", e.rule());
        }
        return problem;
    }
}
