package dev.commonhold.platform.audit;

import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes audit entries through this service's outbox, so an entry, once recorded, reaches the trail
 * even if Kafka is down. An entry is recorded in a transaction of its own, after the action's has
 * committed (the web layer sees the answer only then): a crash between the two loses the entry, not the action.
 */
public class OutboxAuditTrail implements AuditTrail {

    private final Outbox outbox;
    private final TransactionTemplate tx;

    public OutboxAuditTrail(Outbox outbox, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEntry entry) {
        java.util.UUID community = entry.communityId() == null ? AuditEntry.NO_COMMUNITY : entry.communityId();
        tx.executeWithoutResult(s -> outbox.append(new NewEvent(AuditEntry.TYPE, community, entry.entryId(), entry, NewEvent.PartitionKey.AGGREGATE)));
    }
}
