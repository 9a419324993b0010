package dev.commonhold.trust.statements.web;

import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.documents.PdfWriter;
import dev.commonhold.trust.statements.app.Statements;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 信托账户月度报表: the month's statement on paper for the notice board (T4) — opening and closing
 * balance of the co-managed account, income by class, expenses by category, the Merkle root that
 * fixes the month once it is closed, and every entry with its leaf hash, so a line on paper can be
 * found online (its entry, vouchers and approvals) and checked with the verifier. A4 portrait.
 */
final class StatementPdf {

    /** Lines printed at most (about 40 pages); a larger month's full list is the CSV. */
    static final int MAX_LINES = 2_000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private StatementPdf() {
    }

    static byte[] render(Statements.Statement s) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            float right = -pdf.width();
            pdf.centred(s.communityName() + " 信托账户月度报表", 16);
            pdf.row(10, "月份 " + s.month(), 0, "单位：元", right);
            pdf.rule();
            pdf.row(10, "期初银行存款", 0, Money.yuan(s.openingBankFen()), -200, "期末银行存款", 260, Money.yuan(s.closingBankFen()), right);
            pdf.row(10, "本月收入合计", 0, Money.yuan(s.incomeFen()), -200, "本月支出合计", 260, Money.yuan(s.expensesFen()), right);
            pdf.gap(6);
            amounts(pdf, "收入（按收入类别）", s.income());
            amounts(pdf, "支出（按支出类别）", s.expenses());
            pdf.row(11, "本月结账", 0);
            pdf.rule();
            if (s.rootHash() == null) {
                pdf.row(9, "本月尚未结账：结账后公布签名树头（分录数与默克尔根）。", 0);
            } else {
                pdf.row(9, "分录数 " + s.treeSize(), 0);
                pdf.row(8, "默克尔根 " + s.rootHash(), 0);
            }
            pdf.gap(6);
            entries(pdf, s.lines(), s.lineCount());
            pdf.gap(6);
            pdf.row(8, "每笔分录的明细、凭证与审批：/api/trust/communities/" + s.communityId() + "/entries/{分录编号}", 0);
            pdf.row(8, "自行核验：导出日志与树头，用 ledger-verifier 离线验证（格式见 platform/ledger/FORMAT.md）。", 0);
            return pdf.toBytes();
        }
    }

    private static void amounts(PdfWriter pdf, String title, List<Statements.Amount> amounts) {
        pdf.row(11, title, 0);
        pdf.rule();
        if (amounts.isEmpty()) {
            pdf.row(9, "无", 0);
        }
        for (Statements.Amount a : amounts) {
            pdf.row(9, a.account(), 0, pdf.fit(a.name(), 9, 300), 50, Money.yuan(a.fen()), -pdf.width());
        }
        pdf.gap(6);
    }

    private static void entries(PdfWriter pdf, List<Statements.Line> lines, long count) {
        pdf.row(11, "本月分录（" + count + " 笔）", 0);
        pdf.rule();
        pdf.row(8, "序号", 0, "记账日", 40, "摘要", 80, "金额", -380, "叶哈希（前 16 位）", 395);
        pdf.rule();
        for (Statements.Line line : lines) {
            pdf.row(8, line.sequence(), 0, DAY.format(line.postedAt().atZone(CHINA)), 40, pdf.fit(line.description(), 8, 230), 80,
                    Money.yuan(line.amountFen()), -380, line.leafHash().substring(0, 16), 395);
        }
        if (count > lines.size()) {
            pdf.row(9, "此处列出前 %,d 笔；全部 %,d 笔见 CSV 格式（format=csv）。".formatted(lines.size(), count), 0);
        }
    }

}
