package dev.commonhold.billing.documents.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The Chinese words a payer reads on a receipt or statement for what the system stores as codes. */
final class Labels {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Map<String, String> CHANNELS = Map.of("CASH", "现金", "CARD", "刷卡", "BANK_TRANSFER", "银行转账",
            "WECHAT_PAY", "微信支付", "ALIPAY", "支付宝", "CREDIT", "预存款抵扣");
    private static final Map<String, String> CLASSES = Map.ofEntries(Map.entry("property_fee", "物业费"),
            Map.entry("parking_common", "停车费（共有车位）"), Map.entry("parking_operator", "停车费"), Map.entry("lease_common_part", "共有部分租金"),
            Map.entry("advertising_common", "广告费"), Map.entry("lease_operator_space", "租金"), Map.entry("lease_public_space", "租金（公有配套用房）"),
            Map.entry("commerce_commission", "增值服务佣金"), Map.entry("commerce_operator_commission", "增值服务佣金（运营方）"), Map.entry("merchant_proceeds", "商户货款"), Map.entry("deposit", "押金"),
            Map.entry("fund_deposit", "住宅专项维修资金"), Map.entry("late_fee", "滞纳金"),
            Map.entry("franchise_revenue_share", "特许经营收益分成"), Map.entry("franchise_government_share", "特许经营收益分成（政府）"));

    private Labels() {
    }

    static String channel(String code) {
        return CHANNELS.getOrDefault(code, code);
    }

    static String revenueClass(String code) {
        return CLASSES.getOrDefault(code, code);
    }

    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + "%,d.%02d".formatted(Math.abs(fen) / 100, Math.abs(fen) % 100);
    }

    static String time(Instant instant) {
        return TIME.format(instant.atZone(CHINA));
    }
}
