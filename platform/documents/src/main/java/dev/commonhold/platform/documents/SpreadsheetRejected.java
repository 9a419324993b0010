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

    /** Gathers what is wrong with a file: the first {@value #MAX_LISTED} in full, the rest counted. */
    public static final class Collector {
        private final List<Problem> listed = new java.util.ArrayList<>();
        private int count;

        public void add(Problem problem) {
            if (count++ < MAX_LISTED) {
                listed.add(problem);
            }
        }

        public int count() {
            return count;
        }

        public void throwIfAny() {
            if (count > 0) {
                throw new SpreadsheetRejected(listed, count);
            }
        }
    }

    private final List<Problem> problems;
    private final int count;

    public SpreadsheetRejected(List<Problem> problems, int count) {
        super(problems.stream().limit(3).map(p -> (p.row() == null ? "the file" : "line " + p.row()) + (p.column() == null ? "" : " " + p.column())
                        + ": " + p.message())
                .collect(Collectors.joining("; ")) + (count > 3 ? "; and %d more problem(s)".formatted(count - 3) : ""));
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
        this.count = count;
    }

    /** One problem: a line, or the whole file when {@code row} is null. */
    public static SpreadsheetRejected of(Integer row, String column, String message) {
        return new SpreadsheetRejected(List.of(new Problem(row, column, null, message)), 1);
    }

    /** The first {@value #MAX_LISTED} problems. */
    public List<Problem> problems() {
        return problems;
    }

    public int count() {
        return count;
    }
}
