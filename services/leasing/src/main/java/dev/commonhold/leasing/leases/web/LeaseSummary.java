package dev.commonhold.leasing.leases.web;

import dev.commonhold.leasing.leases.app.LeaseCharges;
import dev.commonhold.leasing.leases.app.LeaseQueries;
import dev.commonhold.leasing.leases.app.LeaseStore;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.platform.documents.PdfWriter;
import dev.commonhold.platform.money.Money;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.math.BigDecimal;

/** 租赁合同摘要: the lease on one or more A4 pages, Chinese embedded — parties, term, rent terms, the schedule, charges and the deposit. */
final class LeaseSummary {

    private LeaseSummary() {
    }

    static byte[] pdf(LeaseQueries.LeaseView v) {
        Lease l = v.lease();
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            float right = -pdf.width();
            pdf.centred("租赁合同摘要 " + l.number(), 15);
            pdf.row(10, "承租人 " + (v.full() ? l.tenant().name() : l.tenant().publicName()), 0,
                    l.tenant().licenceNumber() == null ? "" : "统一社会信用代码 " + l.tenant().licenceNumber(), 220, "单位：元", right);
            pdf.row(10, "用途 " + pdf.fit(l.purpose(), 10, 200), 0, "状态 " + status(l), 220);
            pdf.row(10, "租期 " + l.term().startOn() + " 至 " + l.term().endOn(), 0, l.indefiniteTerm() ? "未订立书面合同，视为不定期租赁（L2）"
                    : l.writtenContract() ? "书面合同 SHA-256 " + l.contractSha256().substring(0, 16) + "…" : "租期不满六个月", 220);
            if (l.term().cutByL1()) {
                pdf.row(9, "约定租期超过二十年，超过部分无效，已截至 " + l.term().endOn() + "（L1）。", 0);
            }
            var r = l.rent();
            pdf.row(10, "月租金 " + Money.yuan(r.monthlyRentFen()), 0, "每年递增 " + BigDecimal.valueOf(r.escalationBasisPoints(), 2).toPlainString() + "%", 150,
                    "免租 " + r.rentFreeMonths() + " 个月", 280, "每 " + r.billingCycleMonths() + " 个月预付", 380);
            pdf.row(10, "押金 " + Money.yuan(r.depositFen()), 0, "滞纳金 每日万分之" + r.lateFeeBasisPointsPerDay() + "，上限" + r.lateFeeCapPercent() + "%", 150,
                    "提前解约违约金 " + r.penaltyMonths() + " 个月租金", 330);
            pdf.row(10, "收入类别 " + l.revenueClass(), 0, l.resolutionId() == null ? "" : "业主大会决议 " + l.resolutionId(), 150);
            pdf.rule();
            pdf.row(8, "期次", 0, "起", 40, "止", 120, "应付日", 200, "租金", -330, "已付", -420);
            pdf.rule();
            for (LeaseStore.ScheduledPeriod p : v.schedule()) {
                long paid = p.chargeId() == null ? 0 : v.charges().stream().filter(c -> c.id().equals(p.chargeId()))
                        .mapToLong(LeaseCharges.Charge::settledFen).sum();
                pdf.row(8, String.valueOf(p.seq() + 1), 0, p.start().toString(), 40, p.end().toString(), 120, p.dueOn().toString(), 200,
                        p.amountFen() == 0 ? "免租" : Money.yuan(p.amountFen()), -330, Money.yuan(paid), -420);
            }
            pdf.rule();
            pdf.row(9, "租金合计 " + Money.yuan(v.schedule().stream().mapToLong(LeaseStore.ScheduledPeriod::amountFen).sum()), 0,
                    "已收（租金、滞纳金、违约金）" + Money.yuan(v.settledFen()), 200);
            v.ended().ifPresent(e -> pdf.row(9, "租约于 " + e.lastDay() + " 结束（" + e.ending() + "）", 0, "押金 " + Money.yuan(e.deposit().heldFen())
                    + "，抵扣 " + Money.yuan(e.deposit().appliedFen()) + "，应退 " + Money.yuan(e.deposit().refundDueFen()), 200));
            return pdf.toBytes();
        }
    }

    private static String status(Lease l) {
        return switch (l.status()) {
            case AWAITING_VOTE -> "待业主大会表决";
            case ACTIVE -> "有效";
            case ENDED -> "已结束";
            case VOID -> "无效";
        };
    }
}
