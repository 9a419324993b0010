package dev.commonhold.devstack;

import dev.commonhold.simulator.AlipaySimulator;
import dev.commonhold.simulator.ChannelSimulator;
import dev.commonhold.simulator.WechatPaySimulator;

import java.util.Map;

/**
 * The payment channels of the local stack: WeChat Pay and Alipay played by the simulator, with
 * keys made on every start and handed to billing, so no secret lives in the repository.
 */
final class Channels {

    static final String MCHID = "1900000001";
    static final String APPID = "wx0000000000commonhold";
    static final String ALIPAY_APP_ID = "2021000000000001";

    private final WechatPaySimulator wechat = new WechatPaySimulator(MCHID, APPID);
    private final AlipaySimulator alipay = new AlipaySimulator(ALIPAY_APP_ID);

    /** @param simulatorPort where the simulator will answer billing's order queries */
    Map<String, String> billingEnvironment(int simulatorPort) {
        String simulator = "http://localhost:" + simulatorPort;
        return Map.of("WECHATPAY_MCHID", MCHID, "WECHATPAY_APPID", APPID, "WECHATPAY_PUBLIC_KEY", wechat.publicKeyBase64(),
                "WECHATPAY_PUBLIC_KEY_ID", WechatPaySimulator.PUBLIC_KEY_ID, "WECHATPAY_API_V3_KEY", wechat.apiV3Key(),
                "WECHATPAY_API_BASE", simulator, "ALIPAY_APP_ID", ALIPAY_APP_ID, "ALIPAY_PUBLIC_KEY", alipay.publicKeyBase64(),
                "ALIPAY_GATEWAY", simulator + "/gateway.do");
    }

    /** Starts the payer's side, sending notifications straight to billing (as the channels do, not through the gateway's token check). */
    ChannelSimulator simulator(String billingUrl, int port) {
        return new ChannelSimulator(wechat, alipay, billingUrl, port);
    }
}
