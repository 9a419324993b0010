package dev.commonhold.trust.objections.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ObjectionStore {

    /** As stored; {@code answeredAt} null while open. */
    record Stored(UUID id, UUID entryId, String question, String raisedByName, Instant raisedAt, String answer, Instant answeredAt) {
    }

    void insert(UUID id, UUID communityId, UUID entryId, String question, String raisedBy, String raisedByName, Instant at);

    /** @return false when it was answered before (an answer is never replaced) */
    boolean answer(UUID communityId, UUID id, String answer, String by, Instant at);

    Optional<Stored> find(UUID communityId, UUID id);

    /** Open first, oldest first. */
    List<Stored> list(UUID communityId);
}
