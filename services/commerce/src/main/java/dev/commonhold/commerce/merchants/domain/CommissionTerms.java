package dev.commonhold.commerce.merchants.domain;

import dev.commonhold.platform.money.Allocation;

/**
 * A merchant's commission agreement (佣金协议): a rate and/or a fixed amount per order, shared between
 * the community (owners in common: the space or channel is common) and the operator.
 *
 * <p>Commission is taken on what the buyer pays, never on a government subsidy: the subsidy is paid for
 * the elderly person's meal and passes whole to the merchant. It is never more than the buyer pays.
 *
 * @param rateBasisPoints          of the buyer's part, 0–10,000 (800 = 8%); rounded half up to the fen
 * @param fixedFenPerOrder         added per order the buyer pays anything for, in fen
 * @param communityShareBasisPoints the community's share of the commission, 0–10,000; the operator gets the rest
 */
public record CommissionTerms(int rateBasisPoints, long fixedFenPerOrder, int communityShareBasisPoints) {

    public CommissionTerms {
        if (rateBasisPoints < 0 || rateBasisPoints > 10_000) {
            throw new InvalidRequest("commission.rateBasisPoints", "must be 0 to 10000 (basis points of the buyer's part)");
        }
        if (fixedFenPerOrder < 0 || fixedFenPerOrder > 1_000_000) {
            throw new InvalidRequest("commission.fixedFenPerOrder", "must be 0 to 1000000 fen");
        }
        if (communityShareBasisPoints < 0 || communityShareBasisPoints > 10_000) {
            throw new InvalidRequest("commission.communityShareBasisPoints", "must be 0 to 10000 (basis points of the commission)");
        }
    }

    /** The commission on a buyer's part, in fen: {@code [community, operator]}, largest remainder, the community first on a tie. */
    public long[] on(long payerFen) {
        if (payerFen <= 0) {
            return new long[]{0, 0};
        }
        long rated = (payerFen * rateBasisPoints + 5_000) / 10_000;
        long commission = Math.min(payerFen, rated + fixedFenPerOrder);
        return Allocation.largestRemainder(commission, communityShareBasisPoints, 10_000L - communityShareBasisPoints);
    }
}
