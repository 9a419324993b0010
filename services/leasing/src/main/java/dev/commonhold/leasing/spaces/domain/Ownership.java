package dev.commonhold.leasing.spaces.domain;

/**
 * Whose a space is, which decides whose its rent is (DESIGN.md, revenue classes): a common part's
 * rent is the owners' in common (T1) and needs their V2 vote first (L5); a government-owned room's
 * rent passes through to the government; space the operator built under its franchise earns the
 * operator's franchise revenue. A private space is its owner's to let, not the community's.
 */
public enum Ownership {
    /** 业主共有部分. */
    COMMON_PART,
    /** 公有（政府）用房. */
    GOVERNMENT,
    /** 运营方特许经营投资建设. */
    OPERATOR_FRANCHISE,
    /** 私有: recorded for the vacancy count only; its owner lets it. */
    PRIVATE;

    /**
     * @return the revenue class of rent from a space of this ownership and kind (contracts/events/shared/revenue-class.v1)
     * @throws LeasingRuleViolation for a private space, whose rent is not the community's (T1)
     */
    public String revenueClass(SpaceKind kind) {
        return switch (this) {
            case COMMON_PART -> kind.advertising() ? "advertising_common" : "lease_common_part";
            case GOVERNMENT -> "lease_public_space";
            case OPERATOR_FRANCHISE -> "lease_operator_space";
            case PRIVATE -> throw new LeasingRuleViolation("T1", "spaceIds",
                    "a private space is let by its owner, not through the community's leases; only common, government and franchise space is");
        };
    }
}
