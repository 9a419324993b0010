package dev.commonhold.leasing.spaces.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A leasable space of a community: what it is, whose it is, how big.
 *
 * @param areaCentiM2          area in 0.01 m² (an ad spot's face area), &gt; 0
 * @param franchiseReference   the franchise agreement that covers space the operator built (required for OPERATOR_FRANCHISE)
 * @param civilDefenceApproval the civil-defence authority's approval (required for CIVIL_DEFENCE, L4)
 * @param photoSha256          SHA-256 (hex) of each photo of its condition, as filed
 */
public record Space(UUID id, UUID communityId, String code, String name, SpaceKind kind, Ownership ownership, long areaCentiM2,
                    String franchiseReference, CivilDefenceApproval civilDefenceApproval, String condition, List<String> photoSha256) {

    /** 人防工程使用审批: the approval's number and the last day it is valid (L4). */
    public record CivilDefenceApproval(String number, LocalDate expiresOn) {
    }

    /** @throws LeasingRuleViolation naming the field (and L4 for civil-defence space without its approval) */
    public Space {
        if (areaCentiM2 <= 0 || areaCentiM2 > 100_000_000L) {
            throw new LeasingRuleViolation(null, "areaCentiM2", "must be between 1 (0.01 m²) and 100000000 (1,000,000 m²)");
        }
        if (kind == SpaceKind.CIVIL_DEFENCE && (civilDefenceApproval == null || blank(civilDefenceApproval.number())
                || civilDefenceApproval.expiresOn() == null)) {
            throw new LeasingRuleViolation("L4", "civilDefenceApproval",
                    "civil-defence space needs the civil-defence authority's approval: its number and expiry date");
        }
        if (kind != SpaceKind.CIVIL_DEFENCE && civilDefenceApproval != null) {
            throw new LeasingRuleViolation(null, "civilDefenceApproval", "only civil-defence space carries a civil-defence approval");
        }
        if (ownership == Ownership.OPERATOR_FRANCHISE && blank(franchiseReference)) {
            throw new LeasingRuleViolation(null, "franchiseReference", "space the operator built under a franchise records that franchise");
        }
        photoSha256 = photoSha256 == null ? List.of() : List.copyOf(photoSha256);
        for (String hash : photoSha256) {
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                throw new LeasingRuleViolation(null, "photoSha256", "each photo is named by its SHA-256: 64 lower-case hex digits");
            }
        }
    }

    public String revenueClass() {
        return ownership.revenueClass(kind);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
