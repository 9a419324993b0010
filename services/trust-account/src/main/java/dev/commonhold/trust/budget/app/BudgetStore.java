package dev.commonhold.trust.budget.app;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface BudgetStore {

    enum Status { DRAFT, ADOPTED, REJECTED }

    /** @param lines fen per expense account code */
    record Budget(UUID id, UUID communityId, int year, UUID resolutionId, Status status, Map<String, Long> lines, Instant decidedAt) {
    }

    /** Writes the draft, replacing an earlier draft of that year. @return false when the year's budget was decided already */
    boolean saveDraft(Budget draft, String by, Instant at);

    Optional<Budget> ofYear(UUID communityId, int year);

    /** The owners' vote on the resolution decided the budget it names, if one does and it is still a draft. */
    void decided(UUID resolutionId, Status status, Instant at);
}
