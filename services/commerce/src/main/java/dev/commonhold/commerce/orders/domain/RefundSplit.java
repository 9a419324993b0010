package dev.commonhold.commerce.orders.domain;

import dev.commonhold.platform.money.Allocation;

/**
 * A (partial) refund of what a buyer paid, taken back from the community's commission, the operator's
 * commission and the merchant's part in proportion to what is left of each after earlier refunds
 * (largest remainder, in that order on a tie). Proportional to what is left, no part is ever taken
 * below zero, and refunds that add up to the whole take back exactly each part.
 */
public record RefundSplit(long amountFen, long communityCommissionFen, long operatorCommissionFen, long merchantFen) {

    /**
     * @param refundFen what is refunded now, 1 up to what is left
     * @param left      what is left of the order's parts: {@code [community commission, operator commission, merchant]}
     */
    public static RefundSplit of(long refundFen, long[] left) {
        long remaining = left[0] + left[1] + left[2];
        if (refundFen <= 0 || refundFen > remaining) {
            throw new IllegalArgumentException("a refund is 1 to %d fen".formatted(remaining));
        }
        long[] parts = Allocation.largestRemainder(refundFen, left[0], left[1], left[2]);
        return new RefundSplit(refundFen, parts[0], parts[1], parts[2]);
    }
}
