package dev.commonhold.billing.documents.render;

import dev.commonhold.billing.documents.app.DocumentData;
import dev.commonhold.billing.documents.domain.ChineseAmount;
import dev.commonhold.platform.documents.PdfWriter;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** 收款收据: one payment, what it settled, its amount in figures and in capitals (大写). A5 portrait. */
public final class ReceiptPdf {

    private ReceiptPdf() {
    }

    public static byte[] render(DocumentData.Receipt r) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A5)) {
            float right = -pdf.width();
            pdf.centred(r.communityName(), 14);
            pdf.centred("收 款 收 据", 18);
            pdf.row(9, "收据号 " + r.paymentId(), 0);
            pdf.row(9, "缴费人 " + nullToDash(r.payerReference()) + (r.payerName() == null ? "" : "  " + r.payerName()), 0,
                    "收款时间 " + Labels.time(r.receivedAt()), right);
            pdf.row(9, "收款方式 " + Labels.channel(r.channel()), 0, r.channelTransactionId() == null ? "" : "交易号 " + r.channelTransactionId(), right);
            pdf.rule();
            pdf.row(9, "账单号", 0, "项目", 95, "金额（元）", right);
            pdf.rule();
            for (DocumentData.ReceiptLine line : r.lines()) {
                pdf.row(9, line.invoiceNumber(), 0, line.description(), 95, Labels.yuan(line.amountFen()), right);
            }
            if (r.creditedFen() > 0) {
                pdf.row(9, "", 0, "存入预存款（可抵扣以后账单或申请退还）", 95, Labels.yuan(r.creditedFen()), right);
            }
            pdf.rule();
            pdf.row(11, "合计 人民币（大写）" + ChineseAmount.of(r.amountFen()), 0, "¥" + Labels.yuan(r.amountFen()), right);
            pdf.gap(12);
            pdf.row(8, "经办：" + (r.recordedBy().startsWith("channel:") ? Labels.channel(r.channel()) + "通知自动入账" : r.recordedBy().split(" · ")[0]), 0);
            pdf.row(8, "本收据由 Commonhold 生成；凭收据号可在小区账户中查验每一笔入账。", 0);
            return pdf.toBytes();
        }
    }

    private static String nullToDash(String value) {
        return value == null ? "—" : value;
    }
}
