package dev.commonhold.trust.reconciliation.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bank statement file is not one we can take as it is; nothing of it was imported. Each problem
 * names its line of the file and the column as the file's header names it.
 */
public class StatementRejected extends RuntimeException {

    /** Problems listed at most: a wholly wrong file is answered at once, not with a megabyte of errors. */
    public static final int MAX_LISTED = 100;

    /**
     * @param row    the file's line (1 is the header); null for the file as a whole
     * @param column as the file's header names it; null for the whole line or file
     * @param value  the cell as written, when the cell is the problem
     */
    public record Problem(Integer row, String column, String value, String message) {
    }

    private final List<Problem> problems;
    private final int count;

    /** @param count how many problems there were in all, of which {@code problems} are the first */
    public StatementRejected(List<Problem> problems, int count) {
        super(summary(problems, count));
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
        this.count = count;
    }

    public static StatementRejected of(Integer row, String column, String message) {
        return new StatementRejected(List.of(new Problem(row, column, null, message)), 1);
    }

    /** The first {@value #MAX_LISTED} problems. */
    public List<Problem> problems() {
        return problems;
    }

    public int count() {
        return count;
    }

    private static String summary(List<Problem> problems, int count) {
        String first = problems.stream().limit(3).map(p -> (p.row() == null ? "the file" : "line " + p.row())
                + (p.column() == null ? "" : " " + p.column()) + ": " + p.message()).collect(Collectors.joining("; "));
        return count > 3 ? first + "; and %d more problem(s)".formatted(count - 3) : first;
    }
}
