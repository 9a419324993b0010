package dev.commonhold.simulator;

import java.security.KeyPair;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Alipay's asynchronous notification (PAYMENT-CHANNELS.md §3): form parameters, amounts in yuan
 * with two decimals, signed RSA2 over the ASCII-sorted {@code k=v&…} of all non-empty parameters
 * except {@code sign} and {@code sign_type}.
 */
public final class AlipaySimulator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final KeyPair alipayKey = Keys.generate();
    private final String appId;

    public AlipaySimulator(String appId) {
        this.appId = appId;
    }

    public String publicKeyBase64() {
        return Keys.publicKeyBase64(alipayKey);
    }

    public String appId() {
        return appId;
    }

    /** TRADE_SUCCESS for an order paid in full; {@code notify_id} stays the same on every resend of one notification. */
    public Map<String, String> paid(String outTradeNo, String tradeNo, long totalFen) {
        return notification(outTradeNo, tradeNo, yuan(totalFen), "TRADE_SUCCESS", UUID.randomUUID().toString().replace("-", ""));
    }

    public Map<String, String> notification(String outTradeNo, String tradeNo, String totalAmountYuan, String tradeStatus, String notifyId) {
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).format(TIME);
        Map<String, String> form = new TreeMap<>();
        form.put("notify_time", now);
        form.put("notify_type", "trade_status_sync");
        form.put("notify_id", notifyId);
        form.put("app_id", appId);
        form.put("auth_app_id", appId);
        form.put("charset", "utf-8");
        form.put("version", "1.0");
        form.put("trade_no", tradeNo);
        form.put("out_trade_no", outTradeNo);
        form.put("buyer_id", "2088102177846880");
        form.put("seller_id", "2088101117955611");
        form.put("trade_status", tradeStatus);
        form.put("total_amount", totalAmountYuan);
        form.put("receipt_amount", totalAmountYuan);
        form.put("buyer_pay_amount", totalAmountYuan);
        form.put("subject", "物业费");
        form.put("gmt_create", now);
        form.put("gmt_payment", now);
        form.put("fund_bill_list", "[{\"amount\":\"" + totalAmountYuan + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        return sign(form);
    }

    /** Signs the parameters as Alipay does (tests use it to sign a tampered set). */
    public Map<String, String> sign(Map<String, String> parameters) {
        Map<String, String> form = new TreeMap<>(parameters);
        form.remove("sign");
        form.remove("sign_type");
        String content = form.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        form.put("sign_type", "RSA2");
        form.put("sign", Keys.sign(alipayKey.getPrivate(), content));
        return form;
    }

    /** Signs a response object's JSON text as Alipay signs its OpenAPI answers (RSA2 over the exact text). */
    public String signContent(String content) {
        return Keys.sign(alipayKey.getPrivate(), content);
    }

    public static String yuan(long fen) {
        return "%d.%02d".formatted(fen / 100, fen % 100);
    }
}
