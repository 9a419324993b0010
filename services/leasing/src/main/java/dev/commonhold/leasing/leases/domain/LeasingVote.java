package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

import java.util.Set;

/**
 * L5 (Civil Code art. 278): letting a common part for business is decided by the owners with the
 * special majority (V2: ≥ 3/4 of the participating area and owners) — a resolution of this
 * community on the commercial or changed use of common parts, approved.
 */
public final class LeasingVote {

    static final Set<String> MATTERS = Set.of("COMMERCIAL_USE_OF_COMMON_PARTS", "CHANGE_USE_OF_COMMON_PARTS");

    private LeasingVote() {
    }

    /** A resolution as leasing keeps it from community.resolution-decided.v1. */
    public record Resolution(java.util.UUID id, java.util.UUID communityId, String title, String matter, String threshold, String outcome) {

        public boolean approved() {
            return "APPROVED".equals(outcome);
        }
    }

    /** @throws LeasingRuleViolation (L5) when the resolution is not about letting common parts, not V2, or not approved */
    public static void requireAuthorises(Resolution r) {
        if (!MATTERS.contains(r.matter()) || !"SPECIAL_THREE_QUARTERS".equals(r.threshold())) {
            throw new LeasingRuleViolation("L5", "resolutionId", "resolution \"" + r.title() + "\" is about " + r.matter()
                    + ": letting a common part needs the owners' 3/4 vote on its commercial use (COMMERCIAL_USE_OF_COMMON_PARTS)");
        }
        if (!r.approved()) {
            throw new LeasingRuleViolation("L5", "resolutionId", "the owners' vote \"" + r.title() + "\" ended " + r.outcome()
                    + ": this common part may not be let on it");
        }
    }

    /** Whether a decided resolution lets a waiting lease start. */
    public static boolean authorises(Resolution r) {
        return MATTERS.contains(r.matter()) && "SPECIAL_THREE_QUARTERS".equals(r.threshold()) && r.approved();
    }
}
