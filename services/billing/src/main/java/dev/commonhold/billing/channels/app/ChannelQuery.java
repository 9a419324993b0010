package dev.commonhold.billing.channels.app;

import java.util.Optional;

/** Port: asks a payment channel about one order (WeChat Pay order query, Alipay alipay.trade.query). */
public interface ChannelQuery {

    /** The channel this adapter asks: WECHAT_PAY or ALIPAY. */
    String channel();

    /** @return the verified answer as a notice when the channel says the order is paid; empty while it is not */
    Optional<ChannelNotice> paid(ChannelOrder order);
}
