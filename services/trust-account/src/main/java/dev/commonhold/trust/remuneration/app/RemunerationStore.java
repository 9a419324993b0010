package dev.commonhold.trust.remuneration.app;

import dev.commonhold.trust.remuneration.domain.RemunerationContract;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface RemunerationStore {

    /** A contract as proposed by the operator and, once confirmed by a committee member, in force from its month. */
    record Terms(UUID id, RemunerationContract contract, String proposedBy, Instant proposedAt, String confirmedByName, Instant confirmedAt) {
        public boolean inForce() {
            return confirmedAt != null;
        }
    }

    void propose(UUID id, UUID communityId, RemunerationContract contract, String by, Instant at);

    /** @return false when that proposal was confirmed before or is not the latest */
    boolean confirm(UUID communityId, UUID id, String memberName, Instant at);

    /** The newest confirmed terms, and a newer proposal if one waits. */
    List<Terms> current(UUID communityId);

    Optional<Terms> inForce(UUID communityId);
}
