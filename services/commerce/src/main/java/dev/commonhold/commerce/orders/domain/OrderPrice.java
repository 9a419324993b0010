package dev.commonhold.commerce.orders.domain;

import dev.commonhold.commerce.merchants.domain.CommissionTerms;

/**
 * What an order costs and whose each fen is. Always: {@code gross = subsidy + payer} and
 * {@code payer = communityCommission + operatorCommission + merchant} — to the fen.
 *
 * @param grossFen               the order's price (unit price × quantity, or a locker's overdue fee)
 * @param subsidyFen             the government's subsidy, claimed from the street office; never more than gross
 * @param payerFen               what the buyer pays, charged through billing
 * @param communityCommissionFen the community's commission (revenue class commerce_commission, owners' income)
 * @param operatorCommissionFen  the operator's commission (commerce_operator_commission)
 * @param merchantFen            the merchant's part of what the buyer pays (merchant_proceeds, a pass-through)
 */
public record OrderPrice(long grossFen, long subsidyFen, long payerFen, long communityCommissionFen, long operatorCommissionFen, long merchantFen) {

    /** @param entitledSubsidyFen the subsidy the buyer is entitled to for this order (0 for none); capped at the gross */
    public static OrderPrice of(long grossFen, long entitledSubsidyFen, CommissionTerms commission) {
        if (grossFen < 0 || entitledSubsidyFen < 0) {
            throw new IllegalArgumentException("amounts are never negative");
        }
        long subsidy = Math.min(grossFen, entitledSubsidyFen);
        long payer = grossFen - subsidy;
        long[] split = commission.on(payer);
        return new OrderPrice(grossFen, subsidy, payer, split[0], split[1], payer - split[0] - split[1]);
    }

    /** The gross of {@code quantity} units at {@code unitPriceFen}; refused past what one charge may be (1,000,000 yuan). */
    public static long gross(long unitPriceFen, int quantity) {
        long gross = unitPriceFen * quantity;
        if (gross > 100_000_000L) {
            throw new dev.commonhold.commerce.merchants.domain.InvalidRequest("quantity", "an order is at most 1000000 yuan");
        }
        return gross;
    }
}
