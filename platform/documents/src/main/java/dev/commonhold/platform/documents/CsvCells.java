package dev.commonhold.platform.documents;

/** Cells of the CSV files we write, so that a spreadsheet shows them as text and never runs them. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A text cell quoted as RFC 4180 says, and never taken by a spreadsheet as a formula (CSV
     * injection): a cell that begins with =, +, -, @, a tab or a carriage return gets a leading
     * apostrophe. Amounts are written as plain numbers, not through here.
     */
    public static String text(String text) {
        String value = text == null ? "" : text;
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
