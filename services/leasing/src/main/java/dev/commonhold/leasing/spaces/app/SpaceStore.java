package dev.commonhold.leasing.spaces.app;

import dev.commonhold.leasing.spaces.domain.Space;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where spaces are kept. */
public interface SpaceStore {

    /** @return false when the community has a space of that code already */
    boolean insert(Space space);

    Optional<Space> find(UUID communityId, UUID spaceId);

    List<Space> list(UUID communityId);

    /** The spaces, locked until the transaction ends, so two leases of one space cannot both pass the overlap check. */
    List<Space> lock(UUID communityId, Collection<UUID> spaceIds);

    /** @return false when the photo was filed before */
    boolean addPhoto(UUID spaceId, String sha256);

    /** The ids of the community's spaces under a lease (active or awaiting its vote) on {@code day}. */
    java.util.Set<UUID> leasedOn(UUID communityId, LocalDate day);
}
