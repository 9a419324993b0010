package dev.commonhold.platform.documents;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spreadsheet file that cannot be read as the user wrote it — bytes not valid in its encoding, a
 * row with more or fewer cells than the header — so nothing of it is taken. Each service answers it
 * as a refused spreadsheet (422 import-rejected with these problems).
 */
public class SpreadsheetRejected extends RuntimeException {

    /** Problems listed at most; {@link #count()} says how many there were. */
    public static final int MAX_LISTED = 100;

    /**
     * @param row     the file's line (1 is the header); null for the file as a whole
     * @param column  as the header names it, when one cell is the problem
     * @param value   the cell as written
     */
    public record Problem(Integer row, String column, String value, String message) {
    }

    private final List<Problem> problems;
    private final int count;

    public SpreadsheetRejected(List<Problem> problems, int count) {
        super(problems.stream().limit(3).map(p -> (p.row() == null ? "the file" : "line " + p.row()) + ": " + p.message())
                .collect(Collectors.joining("; ")) + (count > 3 ? "; and %d more problem(s)".formatted(count - 3) : ""));
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
        this.count = count;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int count() {
        return count;
    }
}
