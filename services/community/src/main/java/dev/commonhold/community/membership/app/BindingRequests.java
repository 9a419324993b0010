package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingRequest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: requests to be bound to a unit. */
public interface BindingRequests {

    void insert(BindingRequest request);

    Optional<BindingRequest> lock(UUID requestId);

    void update(BindingRequest request);

    boolean pendingFor(String userId, UUID unitId);

    int pendingOf(String userId);

    List<BindingRequest> ofUser(String userId);

    /** Of the community; only those of these units when {@code unitIds} is not null; only this status when not null. */
    List<BindingRequest> ofCommunity(UUID communityId, Collection<UUID> unitIds, BindingRequest.Status status, UUID after, int limit);
}
