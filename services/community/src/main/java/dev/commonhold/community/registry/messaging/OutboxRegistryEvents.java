package dev.commonhold.community.registry.messaging;

import dev.commonhold.community.registry.app.RegistryEvents;
import dev.commonhold.community.registry.app.RegistryState;
import dev.commonhold.community.registry.domain.RegistryEvent;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.NewEvent.PartitionKey;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registry events into the outbox, in the transaction of the change, as contracts/events/community describes them. */
@Component
class OutboxRegistryEvents implements RegistryEvents {

    private final Outbox outbox;
    private final RegistryState state;

    OutboxRegistryEvents(Outbox outbox, RegistryState state) {
        this.outbox = outbox;
        this.state = state;
    }

    /** The events, then the new state of every community and unit they touched (community.state). */
    @Override
    public void publish(List<RegistryEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        outbox.appendAll(events.stream().map(OutboxRegistryEvents::toContract).toList());
        Set<UUID> communities = new LinkedHashSet<>();
        Set<UUID> units = new LinkedHashSet<>();
        Set<UUID> committees = new LinkedHashSet<>();
        for (RegistryEvent event : events) {
            switch (event) {
                case RegistryEvent.CommunityRegistered e -> communities.add(e.community().id());
                case RegistryEvent.UnitRegistered e -> units.add(e.unit().id());
                case RegistryEvent.OwnershipTransferred e -> units.add(e.before().id());
                case RegistryEvent.CommitteeChanged e -> committees.add(e.committee().communityId());
            }
        }
        state.communitiesChanged(communities);
        state.unitsChanged(units);
        state.committeesChanged(committees);
    }

    private static NewEvent toContract(RegistryEvent event) {
        return switch (event) {
            case RegistryEvent.CommunityRegistered e -> new NewEvent("community.community-registered.v1", e.community().id(),
                    e.community().id(), CommunityPayloads.registered(e), PartitionKey.AGGREGATE);
            case RegistryEvent.UnitRegistered e -> new NewEvent("community.unit-registered.v1", e.unit().communityId(),
                    e.unit().id(), CommunityPayloads.unitRegistered(e), PartitionKey.AGGREGATE);
            case RegistryEvent.OwnershipTransferred e -> new NewEvent("community.ownership-transferred.v1", e.before().communityId(),
                    e.before().id(), CommunityPayloads.transferred(e), PartitionKey.AGGREGATE);
            case RegistryEvent.CommitteeChanged e -> new NewEvent("community.committee-changed.v1", e.committee().communityId(),
                    e.committee().communityId(), CommunityPayloads.committeeChanged(e), PartitionKey.COMMUNITY);
        };
    }
}
