package dev.commonhold.billing.channels.app;

import java.util.Optional;
import java.util.UUID;

/** Port: channel orders and every notification received. */
public interface ChannelOrderStore {

    void insert(ChannelOrder order, String by);

    /** Locked for this transaction: two notifications of one order settle one after the other. */
    Optional<ChannelOrder> lockByOutTradeNo(String outTradeNo);

    Optional<ChannelOrder> find(UUID communityId, UUID orderId);

    /** An unpaid order for exactly this one line that has not expired at {@code at}, if any. */
    Optional<ChannelOrder> openForLine(UUID lineId, java.time.Instant at);

    void markPaid(UUID orderId, UUID paymentId);

    /** Orders opened between {@code from} and {@code to} that no payment settled yet, oldest first. */
    java.util.List<ChannelOrder> unpaid(java.time.Instant from, java.time.Instant to, int limit);

    void record(ChannelNotice notice, String outcome, String detail);
}
