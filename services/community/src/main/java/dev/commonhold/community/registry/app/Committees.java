package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Committee;

import java.util.Optional;
import java.util.UUID;

/** Port: committee terms; a new appointment supersedes the previous one, which is kept. */
public interface Committees {

    void insert(Committee committee, String appointedBy);

    Optional<Committee> current(UUID communityId);
}
