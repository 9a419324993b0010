package dev.commonhold.community.assembly.messaging;

import dev.commonhold.community.assembly.app.AssemblyEvents;
import dev.commonhold.community.assembly.domain.AssemblyEvent;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Assembly events into the outbox, in the transaction that decided the vote. */
@Component
class OutboxAssemblyEvents implements AssemblyEvents {

    static final String DECIDED = "community.resolution-decided.v1";

    private final Outbox outbox;

    OutboxAssemblyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(AssemblyEvent event) {
        switch (event) {
            case AssemblyEvent.ResolutionDecided decided -> outbox.append(new NewEvent(DECIDED, decided.resolution().communityId(),
                    decided.resolution().id(), DecisionPayload.of(decided), NewEvent.PartitionKey.COMMUNITY));
        }
    }

    @Override
    public String tallyJson(AssemblyEvent.ResolutionDecided decided) {
        return EventJson.toTree(DecisionPayload.of(decided).tally()).toString();
    }
}
