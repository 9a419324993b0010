package dev.commonhold.trust.reconciliation.domain;

import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.platform.money.Money;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bank statement export read as Chinese banks write it: columns named in Chinese or English in any
 * order (交易日期, 摘要, 收入/贷方发生额, 支出/借方发生额 or one signed 交易金额, 余额, 流水号,
 * 对方户名), amounts in yuan with thousands separators, oldest line first or newest first. Every
 * line's balance must follow from the one before, so a line left out of the export is caught here,
 * not months later. All or nothing: any problem rejects the file, naming every bad line.
 */
public final class BankStatement {

    public static final int MAX_LINES = 50_000;

    /** A line of the file: its number (1 is the header) and its cells. */
    public record Row(int line, List<String> cells) {
    }

    private static final Map<String, String> COLUMNS = aliases();
    private static final Pattern YUAN = Pattern.compile("-?\\d+(\\.\\d{1,2})?");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy-M-d"));

    private BankStatement() {
    }

    /** What is wrong, each cell named by the file's own header. */
    private static final class Problems {
        final SpreadsheetRejected.Collector collected = new SpreadsheetRejected.Collector();
        final Map<String, String> headers;

        Problems(Map<String, String> headers) {
            this.headers = headers;
        }

        /** @param column the column's own name (date, in, out, balance…), shown as the file's header names it */
        void add(int row, String column, String value, String message) {
            collected.add(new SpreadsheetRejected.Problem(row, column == null ? null : headers.getOrDefault(column, column), value, message));
        }

        int size() {
            return collected.count();
        }

        void throwIfAny() {
            collected.throwIfAny();
        }
    }

    /** The lines in the order they happened (oldest first), each balance checked against the previous. */
    public static List<BankLine> read(List<String> header, List<Row> rows) {
        Map<String, Integer> at = columns(header);
        if (rows.isEmpty()) {
            throw SpreadsheetRejected.of(null, null, "the file has a header but no lines");
        }
        if (rows.size() > MAX_LINES) {
            throw SpreadsheetRejected.of(null, null, "the file has %d lines; import at most %d at a time (a month or a quarter)".formatted(rows.size(), MAX_LINES));
        }
        Map<String, String> headers = new HashMap<>();
        at.forEach((column, i) -> headers.put(column, header.get(i).strip()));
        Problems problems = new Problems(headers);
        List<BankLine> lines = new ArrayList<>(rows.size());
        Set<String> references = new HashSet<>();
        for (Row row : rows) {
            BankLine line = line(row, at, problems);
            if (line != null && !references.add(line.reference())) {
                problems.add(row.line(), "reference", line.reference(), "this reference appears twice in the file");
            } else if (line != null) {
                lines.add(line);
            }
        }
        problems.throwIfAny();
        return inOrder(lines, problems);
    }

    /**
     * Oldest first. A newest-first export is turned round — told by its dates, or, when every line is
     * on the same day, by which way its balances follow on; then each balance must follow from the one before.
     */
    private static List<BankLine> inOrder(List<BankLine> lines, Problems problems) {
        List<BankLine> reversed = new ArrayList<>(lines).reversed();
        boolean newestFirst = lines.size() > 1 && (lines.getFirst().valueDate().isAfter(lines.getLast().valueDate())
                || (lines.getFirst().valueDate().equals(lines.getLast().valueDate()) && !chains(lines) && chains(reversed)));
        List<BankLine> ordered = newestFirst ? reversed : lines;
        for (int i = 1; i < ordered.size(); i++) {
            BankLine before = ordered.get(i - 1);
            BankLine line = ordered.get(i);
            if (line.valueDate().isBefore(before.valueDate())) {
                problems.add(line.row(), "date", line.valueDate().toString(), "dated before the line above it (%s): lines must be in date order"
                        .formatted(before.valueDate()));
            } else if (line.balanceBeforeFen() != before.balanceFen()) {
                problems.add(line.row(), "balance", Money.yuan(line.balanceFen()), ("does not follow from the line before (%s %s %s = %s): "
                        + "is a line missing between them?").formatted(Money.yuan(before.balanceFen()), line.amountFen() < 0 ? "-" : "+",
                        Money.yuan(Math.abs(line.amountFen())), Money.yuan(before.balanceFen() + line.amountFen())));
            }
        }
        problems.throwIfAny();
        return List.copyOf(ordered);
    }

    private static boolean chains(List<BankLine> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).balanceBeforeFen() != lines.get(i - 1).balanceFen()) {
                return false;
            }
        }
        return true;
    }

    private static BankLine line(Row row, Map<String, Integer> at, Problems problems) {
        int before = problems.size();
        LocalDate date = date(cell(row, at, "date"), row.line(), problems);
        Long amount = amount(row, at, problems);
        Long balance = fen(cell(row, at, "balance"), row.line(), "balance", true, problems);
        String reference = cell(row, at, "reference");
        if (reference.isEmpty()) {
            problems.add(row.line(), "reference", "", "missing: every line needs the bank's reference (流水号)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new BankLine(row.line(), date, cell(row, at, "description"), amount, balance, reference, blankToNull(cell(row, at, "counterparty")));
    }

    /** Either one signed amount column, or separate in and out columns of which exactly one has the line's amount. */
    private static Long amount(Row row, Map<String, Integer> at, Problems problems) {
        if (at.containsKey("amount")) {
            Long amount = fen(cell(row, at, "amount"), row.line(), "amount", true, problems);
            if (amount != null && amount == 0) {
                problems.add(row.line(), "amount", cell(row, at, "amount"), "a line of 0.00 moves nothing");
            }
            return amount;
        }
        Long in = fen(cell(row, at, "in"), row.line(), "in", false, problems);
        Long out = fen(cell(row, at, "out"), row.line(), "out", false, problems);
        if (in == null || out == null) {
            return null;
        }
        if (in < 0 || out < 0) {
            problems.add(row.line(), in < 0 ? "in" : "out", cell(row, at, in < 0 ? "in" : "out"),
                    "must not be negative: money out goes in the debit (借方/支出) column, money in in the credit (贷方/收入) column");
            return null;
        }
        if ((in == 0) == (out == 0)) {
            problems.add(row.line(), null, null, "exactly one of the credit (贷方/收入) and debit (借方/支出) columns must have an amount");
            return null;
        }
        return in - out;
    }

    private static LocalDate date(String text, int line, Problems problems) {
        String day = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) : text;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException tryNext) {
                // the next format
            }
        }
        problems.add(line, "date", text, "not a date: write 2026-11-30 or 2026/11/30");
        return null;
    }

    /** Yuan as printed ("1,234.56", "¥20.00", blank) to fen, exactly; more than two decimals is an error, not a rounding. */
    private static Long fen(String text, int line, String column, boolean required, Problems problems) {
        String plain = text.replace(",", "").replace("¥", "").replace("￥", "").replace(" ", "");
        if (plain.isEmpty()) {
            if (required) {
                problems.add(line, column, "", "missing");
                return null;
            }
            return 0L;
        }
        if (!YUAN.matcher(plain).matches()) {
            problems.add(line, column, text, "not an amount in yuan with at most two decimals, e.g. 1,234.56");
            return null;
        }
        if (plain.replace("-", "").replace(".", "").length() > 16) {
            problems.add(line, column, text, "too large: a bank line is at most 99,999,999,999,999.99 yuan");
            return null;
        }
        return new java.math.BigDecimal(plain).movePointRight(2).longValueExact();
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = COLUMNS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (column != null) {
                at.putIfAbsent(column, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("date", "balance", "reference")) {
            if (!at.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!at.containsKey("amount") && !(at.containsKey("in") && at.containsKey("out"))) {
            missing.add("in and out (收入, 支出) or one signed amount (交易金额)");
        }
        if (!missing.isEmpty()) {
            throw SpreadsheetRejected.of(1, null, "missing column(s) " + String.join(", ", missing)
                    + "; the first line must name the columns, e.g. 交易日期,摘要,收入,支出,余额,流水号,对方户名");
        }
        return at;
    }

    private static String cell(Row row, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        return i == null || i >= row.cells().size() || row.cells().get(i) == null ? "" : row.cells().get(i).strip();
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        put(aliases, "date", "date", "value_date", "交易日期", "日期", "记账日期", "交易时间");
        put(aliases, "description", "description", "摘要", "交易摘要", "用途", "附言");
        put(aliases, "in", "in", "credit", "收入", "收入金额", "贷方发生额", "贷方金额", "存入");
        put(aliases, "out", "out", "debit", "支出", "支出金额", "借方发生额", "借方金额", "支取");
        put(aliases, "amount", "amount", "交易金额", "发生额");
        put(aliases, "balance", "balance", "余额", "账户余额");
        put(aliases, "reference", "reference", "流水号", "交易流水号", "凭证号", "交易参考号");
        put(aliases, "counterparty", "counterparty", "对方户名", "对方账户名称", "对方名称");
        return Map.copyOf(aliases);
    }

    private static void put(Map<String, String> aliases, String column, String... names) {
        for (String name : names) {
            aliases.put(name, column);
        }
    }
}
