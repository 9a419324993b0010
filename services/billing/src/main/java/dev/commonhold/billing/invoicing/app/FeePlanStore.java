package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.FeePlan;

import java.util.Optional;
import java.util.UUID;

/** Port: fee plans, one per community. */
public interface FeePlanStore {

    Optional<FeePlan> find(UUID communityId);

    void put(UUID communityId, FeePlan plan, String by);
}
