package dev.commonhold.billing.reconciliation.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Statement files in the channels' published layouts (PAYMENT-CHANNELS.md §2, §4), built from rows for tests. */
public final class Statements {

    public record Row(String transactionId, String outTradeNo, String yuan, boolean refund) {
    }

    private Statements() {
    }

    /** WeChat Pay trade bill, type ALL: backtick before every field, a summary that counts the rows. */
    public static String wechat(List<Row> rows) {
        String header = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
                + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
        String body = rows.stream().map(r -> String.join(",", List.of("`2026-11-29 13:51:31", "`wx0000000000commonhold", "`1900000001", "`", "`",
                "`" + r.transactionId(), "`" + r.outTradeNo(), "`oLocalPayer", "`JSAPI", "`" + (r.refund() ? "REFUND" : "SUCCESS"), "`OTHERS", "`CNY",
                "`" + r.yuan(), "`0.00", "`", "`", "`0.00", "`0.00", "`", "`", "`物业费, 12月", "`", "`0.00000", "`0.60%", "`" + r.yuan(), "`0.00", "`")))
                .collect(Collectors.joining("\n"));
        return header + "\n" + body + "\n总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n`"
                + rows.size() + ",`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00\n";
    }

    /** Alipay 业务明细: '#' lines around the table, padded fields, full-width parentheses in the amount columns. */
    public static String alipay(List<Row> rows) {
        String header = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,"
                + "支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
        String body = rows.stream().map(r -> String.join(",", List.of(r.transactionId() + "\t", r.outTradeNo() + " ", r.refund() ? "退款 " : "交易 ",
                "物业费", "2026-11-29 16:13:11", "2026-11-29 16:14:24", " ", " ", " ", " ", "**佳(yan***@163.com) ", (r.refund() ? "-" : "") + r.yuan(),
                r.yuan(), "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", "", "-0.01", "0.00", ""))).collect(Collectors.joining("\r\n"));
        return "#支付宝业务明细查询\r\n#账号:[20880000000000156]\r\n#起始日期:[2026年11月29日 00:00:00]   终止日期:[2026年11月30日 00:00:00]\r\n"
                + "#-----------------------------------------业务明细列表----------------------------------------\r\n" + header + "\r\n" + body
                + "\r\n#-----------------------------------------业务明细列表结束------------------------------------\r\n#交易合计：" + rows.size()
                + "笔，商家实收共0.06元，商家优惠共0.00元\r\n#导出时间：[2026年11月30日 05:46:49]\r\n";
    }
}
