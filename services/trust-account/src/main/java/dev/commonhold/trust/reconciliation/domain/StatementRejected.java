package dev.commonhold.trust.reconciliation.domain;

import java.util.List;

/** The bank statement file is not one we can take as it is; nothing of it was imported. Each problem names its line and column. */
public class StatementRejected extends RuntimeException {

    /** @param row the file's line (1 is the header; 0 the file as a whole) */
    public record Problem(int row, String column, String message) {
    }

    private final List<Problem> problems;

    public StatementRejected(List<Problem> problems) {
        super(problems.stream().map(p -> "line " + p.row() + (p.column() == null ? "" : " " + p.column()) + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("rejected"));
        this.problems = List.copyOf(problems);
    }

    public static StatementRejected of(int row, String column, String message) {
        return new StatementRejected(List.of(new Problem(row, column, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
