package dev.commonhold.billing.reconciliation.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement layouts billing reads (PAYMENT-CHANNELS.md §2, §4, §5), mapped by column name,
 * never by position (the channels add columns between versions). Every row must have as many
 * fields as the header: a row with more or fewer is refused, never guessed at.
 */
public enum StatementFormat {

    /** WeChat Pay trade bill (交易账单, ALL/SUCCESS/REFUND): UTF-8, every field prefixed with a backtick, a summary after the rows. */
    WECHAT_PAY {
        @Override
        public List<StatementLine> parse(String text) {
            List<String> lines = text.lines().toList();
            int header = header(lines);
            Map<String, Integer> columns = columns(lines.get(header).split(",", -1));
            String id = require(columns, header, "微信订单号");
            String amount = columns.containsKey("订单金额") ? "订单金额" : require(columns, header, "应结订单金额");
            List<StatementLine> rows = new ArrayList<>();
            List<StatementRejected.Problem> problems = new ArrayList<>();
            int i = header + 1;
            int detailRows = 0;
            for (; i < lines.size() && lines.get(i).startsWith("`"); i++, detailRows++) {
                String[] fields = lines.get(i).substring(1).split(",`", -1);
                row(i + 1, fields, columns, id, "商户订单号", amount, f -> "REFUND".equals(f), "交易状态", rows, problems);
            }
            checkSummary(lines, i, detailRows, problems);
            return rowsOrReject(rows, problems);
        }
    },

    /** Alipay account bill, 业务明细: GBK, '#' comment lines around the table, fields padded with spaces or tabs. */
    ALIPAY {
        @Override
        public List<StatementLine> parse(String text) {
            List<String> lines = text.lines().toList();
            int header = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("#") && !lines.get(i).isBlank()) {
                    header = i;
                    break;
                }
            }
            if (header < 0) {
                throw new StatementRejected("no table of 业务明细 in the file");
            }
            Map<String, Integer> columns = columns(lines.get(header).split(",", -1));
            String id = require(columns, header, "支付宝交易号");
            String amount = require(columns, header, "订单金额(元)");
            List<StatementLine> rows = new ArrayList<>();
            List<StatementRejected.Problem> problems = new ArrayList<>();
            for (int i = header + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
                if (!lines.get(i).isBlank()) {
                    row(i + 1, lines.get(i).split(",", -1), columns, id, "商户订单号", amount, "退款"::equals, "业务类型", rows, problems);
                }
            }
            return rowsOrReject(rows, problems);
        }
    },

    /** A bank statement (银行对账单) as CSV: 交易流水号 and 贷方金额 (or 收入金额); debit rows are not payments to us. */
    BANK {
        @Override
        public List<StatementLine> parse(String text) {
            List<String> lines = text.lines().toList();
            int header = header(lines);
            Map<String, Integer> columns = columns(lines.get(header).split(",", -1));
            String id = require(columns, header, "交易流水号");
            String amount = columns.containsKey("贷方金额") ? "贷方金额" : require(columns, header, "收入金额");
            List<StatementLine> rows = new ArrayList<>();
            List<StatementRejected.Problem> problems = new ArrayList<>();
            for (int i = header + 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).split(",", -1);
                if (lines.get(i).isBlank() || (fields.length == columns.size() && fields[columns.get(amount)].isBlank())) {
                    continue; // a debit row: money out, not a payment
                }
                row(i + 1, fields, columns, id, "摘要", amount, ignored -> false, null, rows, problems);
            }
            return rowsOrReject(rows, problems);
        }
    };

    /** @throws StatementRejected naming every bad row and column; nothing is half-read */
    public abstract List<StatementLine> parse(String text);

    private static void row(int rowNumber, String[] fields, Map<String, Integer> columns, String idColumn, String referenceColumn,
                            String amountColumn, java.util.function.Predicate<String> isRefund, String kindColumn,
                            List<StatementLine> rows, List<StatementRejected.Problem> problems) {
        if (fields.length != columns.size()) {
            problems.add(new StatementRejected.Problem(rowNumber, null, null,
                    "%d columns expected, %d found".formatted(columns.size(), fields.length)));
            return;
        }
        String id = fields[columns.get(idColumn)].strip();
        String amountText = fields[columns.get(amountColumn)].strip();
        Long fen = Yuan.toFen(amountText);
        if (id.isEmpty()) {
            problems.add(new StatementRejected.Problem(rowNumber, idColumn, id, "is empty"));
        }
        if (fen == null) {
            problems.add(new StatementRejected.Problem(rowNumber, amountColumn, amountText, "is not an amount in yuan with at most 2 decimals"));
            return;
        }
        String reference = columns.containsKey(referenceColumn) ? fields[columns.get(referenceColumn)].strip() : null;
        boolean refund = kindColumn != null && isRefund.test(fields[columns.get(kindColumn)].strip());
        if (fen < 0 && !refund) {
            // A refund may be written with a minus (Alipay's 业务明细); a payment never is: its sign is not guessed away.
            problems.add(new StatementRejected.Problem(rowNumber, amountColumn, amountText, "is negative on a row that is not a refund"));
            return;
        }
        rows.add(new StatementLine(rowNumber, id, reference, Math.abs(fen), refund));
    }

    private static void checkSummary(List<String> lines, int at, int rowsRead, List<StatementRejected.Problem> problems) {
        int header = firstNonBlank(lines, at);
        if (header < 0 || !lines.get(header).startsWith("总交易单数") || header + 1 >= lines.size()) {
            problems.add(new StatementRejected.Problem(at + 1, "总交易单数", null, "no summary after the rows: the file may be cut short"));
            return;
        }
        String count = lines.get(header + 1).split(",", -1)[0].replace("`", "").strip();
        if (!count.equals(String.valueOf(rowsRead))) {
            problems.add(new StatementRejected.Problem(header + 2, "总交易单数", count, "the summary counts %s rows, the file has %d".formatted(count, rowsRead)));
        }
    }

    private static List<StatementLine> rowsOrReject(List<StatementLine> rows, List<StatementRejected.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new StatementRejected(problems);
        }
        return List.copyOf(rows);
    }

    private static Map<String, Integer> columns(String[] names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(normalise(names[i]), i);
        }
        return columns;
    }

    /** Full-width parentheses and padding differ between versions of the same layout. */
    private static String normalise(String name) {
        return name.replace('（', '(').replace('）', ')').replace("\uFEFF", "").strip();
    }

    private static String require(Map<String, Integer> columns, int header, String name) {
        if (!columns.containsKey(name)) {
            throw new StatementRejected(List.of(new StatementRejected.Problem(header + 1, name, null, "column " + name + " is missing from the header")));
        }
        return name;
    }

    /** The header line: the first that is not blank. */
    private static int header(List<String> lines) {
        int header = firstNonBlank(lines, 0);
        if (header < 0) {
            throw new StatementRejected("the file is empty");
        }
        return header;
    }

    private static int firstNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
