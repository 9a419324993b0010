package dev.commonhold.fund.accounts.web;

import dev.commonhold.fund.accounts.app.AccountQueries;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.platform.documents.CsvCells;
import dev.commonhold.platform.documents.PdfWriter;
import dev.commonhold.platform.money.Money;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * 住宅专项维修资金分户账对账单: a unit's sub-account on paper or in a spreadsheet (F8) — the unit,
 * its owner and area, the initial deposit and the 30% line, the balance, and every movement with
 * the running balance. The CSV is UTF-8 with a BOM (so Excel reads the Chinese) and its text cells
 * are never taken as formulas.
 */
final class StatementDocuments {

    private StatementDocuments() {
    }

    static byte[] csv(AccountQueries.Statement s) {
        StringBuilder csv = new StringBuilder("\uFEFF日期 date,类别 kind,摘要 description,金额（元）amount,余额（元）balance,关联 reference\r\n");
        long balance = 0;
        for (Movement m : s.movements()) {
            balance += m.amountFen();
            csv.append(m.valueDate()).append(',').append(m.kind().name()).append(',').append(CsvCells.text(m.description())).append(',')
                    .append(Money.yuan(m.amountFen()).replace(",", "")).append(',').append(Money.yuan(balance).replace(",", "")).append(',')
                    .append(CsvCells.text(m.reference())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(AccountQueries.Statement s, String communityName) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            float right = -pdf.width();
            pdf.centred(communityName + " 住宅专项维修资金分户账对账单", 15);
            pdf.row(10, "房屋 " + s.unit().reference(), 0, "业主 " + (s.unit().ownerName() == null ? "" : s.unit().ownerName()), 200, "单位：元", right);
            pdf.row(10, "专有面积 " + BigDecimal.valueOf(s.unit().areaCentiM2(), 2).toPlainString() + " m²", 0,
                    "首期交存 " + Money.yuan(s.account().initialDepositFen()), 200, "余额 " + Money.yuan(s.account().balanceFen()), right);
            pdf.row(9, s.account().belowTopUpLine() ? "余额低于首期交存的30%，应当续筹（F3）。" : "余额不低于首期交存的30%。", 0);
            pdf.rule();
            pdf.row(8, "日期", 0, "摘要", 70, "金额", -360, "余额", -440);
            pdf.rule();
            long balance = 0;
            for (Movement m : s.movements()) {
                balance += m.amountFen();
                pdf.row(8, m.valueDate().toString(), 0, pdf.fit(m.description(), 8, 220), 70, Money.yuan(m.amountFen()), -360, Money.yuan(balance), -440);
            }
            if (s.movements().isEmpty()) {
                pdf.row(9, "尚无收支。", 0);
            }
            pdf.gap(8);
            pdf.row(8, "本对账单随时可在线查询：/api/fund/communities/" + s.unit().communityId() + "/units/" + s.unit().id() + "/statement", 0);
            return pdf.toBytes();
        }
    }
}
