package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.FeePlan;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** A community's fee plan: operator admins set it, the operator's staff and the community's people read it. */
@Service
public class FeePlanSetting {

    private final BillingAccess access;
    private final FeePlanStore plans;

    FeePlanSetting(BillingAccess access, FeePlanStore plans) {
        this.access = access;
        this.plans = plans;
    }

    @Transactional
    public FeePlan put(Viewer viewer, UUID communityId, FeePlan plan) {
        access.adminOf(viewer, communityId);
        plans.put(communityId, plan, viewer.subject());
        return plan;
    }

    public FeePlan get(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return plans.find(communityId).orElseThrow(() -> ProblemException.notFound("Fee plan of community", communityId));
    }
}
