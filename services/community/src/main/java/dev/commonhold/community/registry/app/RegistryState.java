package dev.commonhold.community.registry.app;

import java.util.Collection;
import java.util.UUID;

/**
 * Port: publishes the current state of what changed to the log-compacted {@code community.state}
 * topic, in the current transaction, so a service deployed later builds its copy of the register
 * from the topic alone (DESIGN.md, State other services copy). Call it after the rows are written.
 */
public interface RegistryState {

    void communitiesChanged(Collection<UUID> communityIds);

    void unitsChanged(Collection<UUID> unitIds);

    /** The communities' committees were appointed anew: each one's current committee goes out whole. */
    void committeesChanged(Collection<UUID> communityIds);

    /** An owner's login changed: every unit they own is shown to (and billed to) someone else now. */
    void unitsOfOwnerChanged(UUID ownerId);
}
