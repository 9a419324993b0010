package dev.commonhold.trust.transparency.messaging;

import dev.commonhold.platform.ledger.verify.TreeHead;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.NewEvent.PartitionKey;
import dev.commonhold.platform.messaging.outbox.Outbox;
import dev.commonhold.trust.transparency.app.MonthClosedEvents;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** trust.month-closed.v1, as contracts/events/trust/month-closed.v1.schema.json describes it. */
@Component
class OutboxMonthClosedEvents implements MonthClosedEvents {

    private final Outbox outbox;

    OutboxMonthClosedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void closed(TreeHead head) {
        outbox.append(new NewEvent("trust.month-closed.v1", head.ledgerId(), head.ledgerId(), new MonthClosedV1(head.ledgerId(),
                head.period().toString(), head.size(), head.rootHex(), Instant.EPOCH.plus(head.timestampMicros(), ChronoUnit.MICROS),
                head.timestampMicros()), PartitionKey.COMMUNITY));
    }

    record MonthClosedV1(UUID communityId, String period, long treeSize, String rootHash, Instant closedAt, long timestampMicros) {
    }
}
