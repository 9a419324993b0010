package dev.commonhold.billing.channels.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Notifications are not guaranteed (PAYMENT-CHANNELS.md §1, §6.8): orders still unpaid some
 * minutes after they were opened are looked up with the channel on a schedule, and one the channel
 * reports paid is settled exactly as its notification would have been — once, whichever comes first.
 */
@Component
public class PendingOrders {

    private static final Logger log = LoggerFactory.getLogger(PendingOrders.class);

    private final ChannelOrderStore orders;
    private final ChannelSettlement settlement;
    private final Map<String, ChannelQuery> queries;
    private final Clock clock;
    private final Duration after;
    private final Duration until;

    PendingOrders(ChannelOrderStore orders, ChannelSettlement settlement, List<ChannelQuery> queries, Clock clock,
                  @Value("${billing.channels.pending.query-after:PT5M}") Duration after,
                  @Value("${billing.channels.pending.query-until:PT48H}") Duration until) {
        this.orders = orders;
        this.settlement = settlement;
        this.queries = queries.stream().collect(Collectors.toMap(ChannelQuery::channel, Function.identity()));
        this.clock = clock;
        this.after = after;
        this.until = until;
    }

    /** @return how many orders the channels reported paid and were settled now */
    @Scheduled(fixedDelayString = "${billing.channels.pending.check-every:PT1M}", initialDelayString = "${billing.channels.pending.check-every:PT1M}")
    public int resolve() {
        int settled = 0;
        for (ChannelOrder order : orders.unpaid(clock.instant().minus(until), clock.instant().minus(after), 200)) {
            ChannelQuery query = queries.get(order.channel());
            try {
                var paid = query == null ? java.util.Optional.<ChannelNotice>empty() : query.paid(order);
                if (paid.isPresent() && settlement.accept(paid.get()) == ChannelSettlement.Outcome.SETTLED) {
                    settled++;
                    log.info("{} order {} was paid but never notified: settled from the channel's order query", order.channel(), order.outTradeNo());
                }
            } catch (RuntimeException e) {
                log.warn("could not query {} about order {}: {} (tried again next time)", order.channel(), order.outTradeNo(), e.toString());
            }
        }
        return settled;
    }
}
