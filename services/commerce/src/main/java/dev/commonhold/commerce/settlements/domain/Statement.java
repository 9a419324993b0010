package dev.commonhold.commerce.settlements.domain;

/**
 * A merchant's settlement statement (结算单) for the orders served (or paid and then cancelled) and the
 * refunds made since its last one.
 *
 * <p>{@code net = gross − refunds − commission}: what the merchant earned. Of it, the subsidy is paid by
 * the street office on the community's claim; the rest is paid out of the community's account, where
 * the buyers' payments (merchant_proceeds) are held. A refund after a settlement is taken from the next
 * one; when refunds exceed what is due, nothing is paid and the difference is carried (negative) into
 * the next settlement.
 *
 * @param grossFen       Σ price of the orders settled
 * @param subsidyFen     Σ subsidies of those orders (to be claimed, not paid out here)
 * @param refundsFen     Σ refunds settled (of any order, this period's or earlier)
 * @param commissionFen  Σ commission of the orders less the commission taken back by refunds
 * @param proceedsFen    Σ merchant parts of what buyers paid less the merchant parts of refunds
 * @param carriedInFen   what the last settlement carried (≤ 0)
 */
public record Statement(int orders, int refunds, long grossFen, long subsidyFen, long refundsFen, long commissionFen, long proceedsFen,
                        long carriedInFen) {

    public long netFen() {
        return grossFen - refundsFen - commissionFen;
    }

    /** Paid out of the community's account now, never negative. */
    public long payoutFen() {
        return Math.max(0, proceedsFen + carriedInFen);
    }

    /** Carried into the next settlement (≤ 0): what refunds took beyond what was due. */
    public long carriedOutFen() {
        return Math.min(0, proceedsFen + carriedInFen);
    }
}
