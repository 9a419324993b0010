package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Resident;

import java.util.List;
import java.util.UUID;

/** Port: people living in units. */
public interface Residents {

    void insert(Resident resident);

    List<Resident> list(UUID communityId, UUID after, int limit);

    List<Resident> ofUser(UUID communityId, String userId);

    /** Locked for the transaction. */
    java.util.Optional<Resident> lock(UUID communityId, UUID residentId);

    void moveOut(UUID residentId, java.time.LocalDate on);

    /** Those who have not moved out of the unit. */
    List<Resident> livingIn(UUID unitId);

    /** The login's residences that have not ended, in every community. */
    List<Resident> ofUserEverywhere(String userId);
}
