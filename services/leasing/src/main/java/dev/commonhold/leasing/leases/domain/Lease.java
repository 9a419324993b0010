package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A lease (租赁合同) of one or more spaces of a community to one tenant.
 *
 * @param number            the community's lease number, e.g. ZL-2026-0003
 * @param indefiniteTerm    six months or more without a written contract (L2): either side may end it with notice, no penalty
 * @param contractSha256    SHA-256 (hex) of the signed contract (L2), when written
 * @param revenueClass      of the spaces' ownership (all spaces of a lease share it)
 * @param resolutionId      the owners' V2 resolution that allows leasing a common part (L5)
 * @param franchiseReference the franchise that covers operator-built space
 * @param renewsLeaseId     the lease this one renews (its deposit carries over)
 */
public record Lease(UUID id, UUID communityId, String number, Tenant tenant, List<UUID> spaceIds, String purpose, LeaseTerm term,
                    boolean indefiniteTerm, boolean writtenContract, String contractSha256, RentTerms rent, String revenueClass,
                    UUID resolutionId, String franchiseReference, UUID renewsLeaseId, Status status, LocalDate endedOn, String endReason,
                    String createdBy, Instant createdAt) {

    /** AWAITING_VOTE: a common part's lease signed subject to the owners' vote (L5); it starts when the vote passes, is void if it fails. */
    public enum Status { AWAITING_VOTE, ACTIVE, ENDED, VOID }

    /** How a lease ends before its last day, or at it. */
    public enum Ending {
        /** The term ran out. */
        EXPIRED,
        /** The tenant leaves early: the lease's penalty applies (none for an indefinite-term lease, L2). */
        EARLY_BY_TENANT,
        /** Both sides agree: no penalty. */
        BY_AGREEMENT,
        /** The tenant defaulted on rent: the penalty applies and the deposit goes to what is owed. */
        DEFAULT,
        /** The term ran out and a renewal follows: the deposit carries over. */
        RENEWED
    }

    /** The last day the lease runs: the day it ended early, else its term's last day. */
    public LocalDate endedOnOrEnd() {
        return endedOn != null ? endedOn : term.endOn();
    }

    /** L2: six months or more and not written. */
    public static boolean indefinite(LeaseTerm term, boolean writtenContract) {
        return term.sixMonthsOrMore() && !writtenContract;
    }

    /** @throws LeasingRuleViolation a written contract without its hash, or a hash that is none (L2) */
    public static void requireContractHash(boolean writtenContract, String contractSha256) {
        if (writtenContract && (contractSha256 == null || !contractSha256.matches("[0-9a-f]{64}"))) {
            throw new LeasingRuleViolation("L2", "contractSha256", "a written lease records the SHA-256 of its signed contract: 64 lower-case hex digits");
        }
        if (!writtenContract && contractSha256 != null) {
            throw new LeasingRuleViolation(null, "contractSha256", "only a written lease has a contract to hash; set writtenContract");
        }
    }

    /** The penalty for ending early, fen: months of the rent in force on the last day; none by agreement or for an indefinite term (L2). */
    public long penaltyFen(Ending ending, RentSchedule schedule, LocalDate lastDay) {
        if (indefiniteTerm || (ending != Ending.EARLY_BY_TENANT && ending != Ending.DEFAULT) || !lastDay.isBefore(term.endOn())) {
            return 0;
        }
        return Math.multiplyExact(schedule.monthlyRentOn(lastDay), (long) rent.penaltyMonths());
    }
}
