package dev.commonhold.fund.accounts.web;

import dev.commonhold.fund.accounts.app.YearReport;
import dev.commonhold.platform.documents.CsvCells;
import dev.commonhold.platform.documents.PdfWriter;
import dev.commonhold.platform.money.Money;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * 住宅专项维修资金年度公布表 (F8): the community's fund over a year on one page for the notice board,
 * or as a spreadsheet. Kinds of income in Chinese; amounts in yuan.
 */
final class YearReportDocuments {

    static final Map<String, String> KINDS = Map.of("OPENING", "接管期初余额", "DEPOSIT", "首期交存", "TOP_UP", "续筹", "SHORTFALL",
            "业主补足及居民出资", "INTEREST", "利息");

    private YearReportDocuments() {
    }

    static byte[] csv(YearReport r) {
        StringBuilder csv = new StringBuilder("\uFEFF项目 item,金额（元）amount\r\n");
        line(csv, "年初余额 opening", r.openingFen());
        r.inByKind().forEach(a -> line(csv, "收入 " + KINDS.getOrDefault(a.label(), a.label()), a.fen()));
        r.usesByProject().forEach(a -> line(csv, "使用 " + a.label(), -a.fen()));
        if (r.refundedFen() != 0) {
            line(csv, "拆迁退还 refunded", -r.refundedFen());
        }
        line(csv, "年末余额 closing", r.closingFen());
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, String item, long fen) {
        csv.append(CsvCells.text(item)).append(',').append(Money.yuan(fen).replace(",", "")).append("\r\n");
    }

    static byte[] pdf(YearReport r) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            float right = -pdf.width();
            pdf.centred(r.community().name() + " " + r.year() + " 年住宅专项维修资金公布表", 15);
            pdf.row(10, "分户账 " + r.subAccounts() + " 户，其中余额低于首期交存30%的 " + r.belowTopUpLine() + " 户", 0, "单位：元", right);
            pdf.rule();
            pdf.row(10, "年初余额", 0, Money.yuan(r.openingFen()), right);
            pdf.row(11, "本年收入", 0);
            r.inByKind().forEach(a -> pdf.row(9, KINDS.getOrDefault(a.label(), a.label()), 20, Money.yuan(a.fen()), right));
            pdf.row(11, "本年使用（按项目）", 0);
            if (r.usesByProject().isEmpty()) {
                pdf.row(9, "无", 20);
            }
            r.usesByProject().forEach(a -> pdf.row(9, pdf.fit(a.label(), 9, 330), 20, Money.yuan(a.fen()), right));
            if (r.refundedFen() != 0) {
                pdf.row(10, "拆迁退还", 0, Money.yuan(r.refundedFen()), right);
            }
            pdf.rule();
            pdf.row(10, "年末余额", 0, Money.yuan(r.closingFen()), right);
            pdf.gap(8);
            pdf.row(8, "各户明细由业主本人在线查询或下载对账单（F8）；项目分摊见 /api/fund/communities/" + r.community().id() + "/projects", 0);
            return pdf.toBytes();
        }
    }
}
