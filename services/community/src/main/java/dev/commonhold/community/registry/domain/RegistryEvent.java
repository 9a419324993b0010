package dev.commonhold.community.registry.domain;

import java.time.LocalDate;

/** What the registry tells other services; published on community.events (contracts/events/community). */
public sealed interface RegistryEvent {

    record CommunityRegistered(Community community) implements RegistryEvent {
    }

    record UnitRegistered(Unit unit, Building building, Owner owner) implements RegistryEvent {
    }

    record OwnershipTransferred(Unit before, Owner newOwner, LocalDate effectiveOn) implements RegistryEvent {
    }

    record CommitteeChanged(Committee committee) implements RegistryEvent {
    }
}
