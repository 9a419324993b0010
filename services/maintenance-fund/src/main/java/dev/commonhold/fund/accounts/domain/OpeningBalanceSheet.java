package dev.commonhold.fund.accounts.domain;

import dev.commonhold.platform.documents.SpreadsheetRejected;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The balances a community's fund held before it came here — the housing bureau's or the previous
 * manager's ledger of sub-accounts, handed over as a spreadsheet: one row per unit with its
 * building, unit number and balance, and the initial deposit it was once asked for (the measure of
 * its top-up line, F3) where the records have it. Headers in Chinese or English.
 */
public final class OpeningBalanceSheet {

    /**
     * One unit's line. {@code initialDepositFen} is null when the sheet does not say; {@code balanceFen} is null when its
     * cell could not be read (a problem is collected for it), so the unit can still be looked up and every fault named at once.
     */
    public record Line(int row, String building, String number, Long balanceFen, Long initialDepositFen) {
        public String reference() {
            return building + "-" + number;
        }
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("building", "building"), Map.entry("楼栋", "building"), Map.entry("楼号", "building"),
            Map.entry("unit", "unit"), Map.entry("房号", "unit"), Map.entry("室号", "unit"),
            Map.entry("balance_yuan", "balance"), Map.entry("余额", "balance"), Map.entry("余额(元)", "balance"), Map.entry("余额（元）", "balance"),
            Map.entry("initial_deposit_yuan", "initial"), Map.entry("首期交存", "initial"), Map.entry("首期交存(元)", "initial"),
            Map.entry("首期交存（元）", "initial"));

    private OpeningBalanceSheet() {
    }

    /**
     * @param header the header row's cells
     * @param rows   each further row's cells, with its line number in the file
     * @param problems collects what is wrong with a row (every row, so the caller can add its own and refuse once)
     * @return the rows that could be read
     * @throws SpreadsheetRejected when the header lacks a column or there are no rows
     */
    public static List<Line> read(List<String> header, List<Map.Entry<Integer, List<String>>> rows, SpreadsheetRejected.Collector problems) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = HEADERS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (name != null) {
                at.putIfAbsent(name, i);
            }
        }
        for (String needed : List.of("building", "unit", "balance")) {
            if (!at.containsKey(needed)) {
                throw SpreadsheetRejected.of(1, needed, "the header needs columns for the building (楼栋), the unit (房号) and the balance in yuan "
                        + "(余额); optional: the initial deposit once asked (首期交存)");
            }
        }
        if (rows.isEmpty()) {
            throw SpreadsheetRejected.of(null, null, "the file has a header but no units");
        }
        Set<String> seen = new HashSet<>();
        List<Line> lines = new java.util.ArrayList<>();
        for (Map.Entry<Integer, List<String>> row : rows) {
            List<String> cells = row.getValue();
            String building = cells.get(at.get("building")).strip();
            String number = cells.get(at.get("unit")).strip();
            if (building.isEmpty() || number.isEmpty()) {
                problems.add(new SpreadsheetRejected.Problem(row.getKey(), building.isEmpty() ? "building" : "unit", null, "is empty"));
                continue;
            }
            if (!seen.add(building + "-" + number)) {
                problems.add(new SpreadsheetRejected.Problem(row.getKey(), "unit", building + "-" + number, "appears twice in the file"));
                continue;
            }
            Long balance = yuan(cells.get(at.get("balance")), row.getKey(), "balance", problems);
            Long initial = at.containsKey("initial") && !cells.get(at.get("initial")).isBlank()
                    ? yuan(cells.get(at.get("initial")), row.getKey(), "initial", problems) : null;
            lines.add(new Line(row.getKey(), building, number, balance, initial));
        }
        return lines;
    }

    private static Long yuan(String cell, int row, String column, SpreadsheetRejected.Collector problems) {
        String text = cell.strip().replace(",", "");
        try {
            BigDecimal yuan = new BigDecimal(text);
            if (yuan.signum() < 0 || yuan.scale() > 2) {
                problems.add(new SpreadsheetRejected.Problem(row, column, cell, "an amount in yuan, not negative, at most 2 decimals (e.g. 8850.00)"));
                return null;
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new SpreadsheetRejected.Problem(row, column, cell, "an amount in yuan, e.g. 8850.00"));
            return null;
        }
    }
}
