package dev.commonhold.trust.payments.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment out of the co-managed account (共管账户支出申请), rule T3: the operator raises it, the
 * owners' committee approves it — two different members above the community's threshold — and only
 * then can the operator execute it. Neither side alone moves money. Rejected, withdrawn and expired
 * requests are kept, as they are.
 *
 * @param amountFen      fen, &gt; 0
 * @param expenseAccount the expense category's account code (51xx)
 * @param approvalsNeeded 1, or 2 above the threshold
 */
public record PaymentRequest(UUID id, UUID communityId, String payee, String payeeAccount, long amountFen, String expenseAccount,
                             String budgetLine, String purpose, Status status, int approvalsNeeded, String raisedBy, Instant raisedAt,
                             Instant expiresAt, List<Approval> approvals, String bankInstruction, UUID entryId, String closedReason) {

    public enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED, EXECUTED }

    /** One committee member's decision, as the registry knew them when they gave it. */
    public record Approval(UUID memberId, String userId, String name, boolean approved, String reason, Instant decidedAt) {
    }

    /** Two members above the threshold (an amount equal to it needs one). */
    public static int approvalsNeeded(long amountFen, long twoMemberThresholdFen) {
        return amountFen > twoMemberThresholdFen ? 2 : 1;
    }

    /** The status as of {@code now}: a pending request past its expiry has expired. */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    public long approvalsGiven() {
        return approvals.stream().filter(Approval::approved).map(Approval::memberId).distinct().count();
    }

    /**
     * What a member's decision does to the request.
     *
     * @throws PaymentRuleViolation when the request no longer takes decisions, or this member decided already
     */
    public Status decide(UUID memberId, boolean approve, Instant now) {
        Status current = statusAt(now);
        if (current != Status.PENDING) {
            throw new PaymentRuleViolation("status", "this request is " + current + ": it takes no more decisions", "T3");
        }
        if (approvals.stream().anyMatch(a -> a.memberId().equals(memberId))) {
            throw new PaymentRuleViolation("decision", "you decided on this request already; another member must give the second approval", "T3");
        }
        if (!approve) {
            return Status.REJECTED;
        }
        return approvalsGiven() + 1 >= approvalsNeeded ? Status.APPROVED : Status.PENDING;
    }

    /** @throws PaymentRuleViolation unless the committee's approvals are complete (T3) */
    public void requireExecutable(Instant now) {
        Status current = statusAt(now);
        if (current != Status.APPROVED) {
            throw new PaymentRuleViolation("status", current == Status.PENDING
                    ? "%d of %d committee approvals given: the operator alone cannot move the owners' money (rule T3)".formatted(approvalsGiven(), approvalsNeeded)
                    : "this request is " + current + " and cannot be executed", "T3");
        }
    }
}
