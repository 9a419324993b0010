package dev.commonhold.trust.books.domain;

import dev.commonhold.platform.money.Money;

/** How entries read to owners: the words for classes and channels, amounts in yuan. */
public final class EntryText {

    private EntryText() {
    }

    /** 物业费收款 134.25 元 · 微信支付 4200… · 3号楼-201 */
    public static String settlement(String revenueClass, String baseRevenueClass, long fen, String channel, String transactionId, String payerReference) {
        return "%s收款 %s · %s %s%s".formatted(label(revenueClass, baseRevenueClass), yuan(fen), channel(channel), transactionId,
                payerReference == null ? "" : " · " + payerReference);
    }

    /** 预存款 200.00 元 · 现金 SJ-1 · 3号楼-201 */
    public static String credit(long fen, String channel, String transactionId, String payerReference) {
        return "预存款 %s · %s%s · %s".formatted(yuan(fen), channel(channel), transactionId == null ? "" : " " + transactionId, payerReference);
    }

    /** 退还预存款 30.00 元 · 银行转账 · 服务合同终止 · 3号楼-201 */
    public static String refund(long fen, String channel, String reason, String payerReference) {
        return "退还预存款 %s · %s · %s · %s".formatted(yuan(fen), channel(channel), reason, payerReference);
    }

    /** 押金抵扣 1200.00 元 · 租约 ZL-2026-0001 结束时抵扣欠缴租金等（L3） */
    public static String depositApplied(long fen, String leaseNumber) {
        return "押金抵扣 %s · 租约 %s 结束时抵扣欠缴租金等（L3）".formatted(yuan(fen), leaseNumber);
    }

    /** 增值服务退款 12.00 元 · 订单 DD20261201000001 · 菜品缺失（佣金 0.96 元，商户货款 11.04 元） */
    public static String commerceRefund(long fen, String orderNumber, String reason, long commissionFen, long merchantFen) {
        return "增值服务退款 %s · 订单 %s · %s（退佣金 %s，商户货款 %s）".formatted(yuan(fen), orderNumber, reason, yuan(commissionFen), yuan(merchantFen));
    }

    /** 商户结算付款 1,200.00 元 · 结算单 JS2026120100001 · 幸福长者食堂 */
    public static String merchantPayout(long fen, String settlementNumber, String merchantName) {
        return "商户结算付款 %s · 结算单 %s · %s".formatted(yuan(fen), settlementNumber, merchantName);
    }

    /** 冲回预存款 20.00 元 · 录错房号 */
    public static String creditReversal(long fen, String reason) {
        return "冲回预存款 %s · %s".formatted(yuan(fen), reason);
    }

    private static String label(String revenueClass, String base) {
        return switch (revenueClass) {
            case "property_fee" -> "物业费";
            case "parking_common" -> "公共车位停车费";
            case "lease_common_part" -> "共有部分租金";
            case "advertising_common" -> "广告费";
            case "commerce_commission" -> "经营佣金";
            case "lease_public_space" -> "公有用房租金（代收）";
            case "merchant_proceeds" -> "商户货款（代收）";
            case "franchise_revenue_share" -> "特许经营收益分成";
            case "franchise_government_share" -> "特许经营收益分成（代付政府）";
            case "deposit" -> "押金";
            case "late_fee" -> "滞纳金（" + (base == null ? "?" : label(base, null)) + "）";
            default -> revenueClass;
        };
    }

    /** How an entry names a channel: 微信支付, 现金… */
    public static String channel(String channel) {
        return switch (channel) {
            case "WECHAT_PAY" -> "微信支付";
            case "ALIPAY" -> "支付宝";
            case "CASH" -> "现金";
            case "CARD" -> "刷卡";
            case "BANK_TRANSFER" -> "银行转账";
            case "CREDIT" -> "余额抵扣";
            default -> channel;
        };
    }

    private static String yuan(long fen) {
        return Money.fen(fen).toDecimalString() + " 元";
    }
}
