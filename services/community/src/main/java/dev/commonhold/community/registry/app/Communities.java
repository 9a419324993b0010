package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.security.CommunityScopeSql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: where communities are kept. */
public interface Communities {

    void insert(Community community);

    Optional<Community> find(UUID id);

    /** Locks the community's registry against concurrent bulk changes for the rest of the transaction. */
    Optional<Community> lock(UUID id);

    List<Community> list(CommunityScopeSql scope, UUID after, int limit);

    RegistrySummary summary(UUID id);

    /** Communities whose name contains the text, for people looking for their own (name order, at most {@code limit}). */
    List<Community> named(String text, int limit);
}
