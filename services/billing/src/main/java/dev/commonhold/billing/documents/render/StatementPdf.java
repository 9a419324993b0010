package dev.commonhold.billing.documents.render;

import dev.commonhold.billing.documents.app.DocumentData;
import dev.commonhold.billing.documents.app.Documents;
import dev.commonhold.platform.documents.PdfWriter;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** 住户对账单: a household's bills and payments over a period, with what is still open and the credit. A4 portrait. */
public final class StatementPdf {

    private StatementPdf() {
    }

    public static byte[] render(Documents.Statement s) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            float right = -pdf.width();
            pdf.centred(s.community().name() + " 住户对账单", 16);
            pdf.row(10, "房屋 " + s.unit().reference() + (s.unit().ownerName() == null ? "" : "  业主 " + s.unit().ownerName()), 0,
                    "期间 " + s.from() + " 至 " + s.to(), right);
            pdf.gap(6);
            pdf.row(11, "账单", 0);
            pdf.rule();
            pdf.row(9, "账单号", 0, "开具日", 105, "到期日", 165, "项目", 225, "应收", -400, "已收", -455, "未收", right);
            pdf.rule();
            for (DocumentData.StatementInvoice i : s.invoices()) {
                String item = (i.cancelled() ? "（已撤销）" : "") + i.description();
                pdf.row(9, i.number(), 0, i.issuedOn(), 105, i.dueOn(), 165, pdf.fit(item, 9, 130), 225,
                        Labels.yuan(i.amountFen()), -400, Labels.yuan(i.paidFen()), -455, Labels.yuan(i.cancelled() ? 0 : i.amountFen() - i.paidFen()), right);
            }
            pdf.gap(8);
            pdf.row(11, "缴费", 0);
            pdf.rule();
            for (DocumentData.StatementPayment p : s.payments()) {
                pdf.row(9, Labels.time(p.receivedAt()), 0, Labels.channel(p.channel()), 105,
                        p.channelTransactionId() == null ? "" : p.channelTransactionId(), 225, Labels.yuan(p.amountFen()), right);
            }
            pdf.rule();
            pdf.row(10, "本期应收 " + Labels.yuan(s.billedFen()) + " 元", 0, "未收 " + Labels.yuan(s.openFen()) + " 元", 200,
                    "预存余额 " + Labels.yuan(s.creditFen()) + " 元", right);
            return pdf.toBytes();
        }
    }
}
