package dev.commonhold.billing.reconciliation.domain;

import java.util.List;

/** A statement file that cannot be read as it is: every bad cell named by row and column; nothing is stored. */
public class StatementRejected extends RuntimeException {

    public record Problem(int row, String column, String value, String message) {
    }

    private final List<Problem> problems;

    public StatementRejected(List<Problem> problems) {
        super("%d problem(s) in the statement file".formatted(problems.size()));
        this.problems = List.copyOf(problems);
    }

    public StatementRejected(String message) {
        this(List.of(new Problem(0, null, null, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
