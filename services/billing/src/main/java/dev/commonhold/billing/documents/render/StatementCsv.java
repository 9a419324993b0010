package dev.commonhold.billing.documents.render;

import dev.commonhold.platform.documents.CsvCells;

import dev.commonhold.billing.documents.app.DocumentData;
import dev.commonhold.billing.documents.app.Documents;

import java.nio.charset.StandardCharsets;

/**
 * The household statement as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows
 * the Chinese), amounts in yuan with two decimals, every text cell quoted.
 */
public final class StatementCsv {

    private StatementCsv() {
    }

    public static byte[] render(Documents.Statement s) {
        StringBuilder csv = new StringBuilder("\uFEFF类型,编号,日期,到期日,项目,金额(元),已收(元),未收(元)\r\n");
        for (DocumentData.StatementInvoice i : s.invoices()) {
            long open = i.cancelled() ? 0 : i.amountFen() - i.paidFen();
            csv.append(String.join(",", CsvCells.text(i.cancelled() ? "账单（已撤销）" : "账单"), CsvCells.text(i.number()), i.issuedOn().toString(), i.dueOn().toString(),
                    CsvCells.text(i.description()), plain(i.amountFen()), plain(i.paidFen()), plain(open))).append("\r\n");
        }
        for (DocumentData.StatementPayment p : s.payments()) {
            csv.append(String.join(",", CsvCells.text("缴费 " + Labels.channel(p.channel())), CsvCells.text(p.channelTransactionId() == null ? "" : p.channelTransactionId()),
                    Labels.time(p.receivedAt()), "", "", plain(p.amountFen()), "", "")).append("\r\n");
        }
        csv.append(String.join(",", CsvCells.text("预存余额"), "", "", "", "", plain(s.creditFen()), "", "")).append("\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(long fen) {
        return (fen < 0 ? "-" : "") + "%d.%02d".formatted(Math.abs(fen) / 100, Math.abs(fen) % 100);
    }

}
