package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Building;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: buildings of communities. */
public interface Buildings {

    void insertAll(List<Building> buildings);

    Optional<Building> find(UUID communityId, UUID id);

    List<Building> ofCommunity(UUID communityId);
}
