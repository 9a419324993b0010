package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Resident;

import java.util.List;
import java.util.UUID;

/** Port: people living in units. */
public interface Residents {

    void insert(Resident resident);

    List<Resident> list(UUID communityId, UUID after, int limit);

    List<Resident> ofUser(UUID communityId, String userId);
}
