package dev.commonhold.commerce.orders.domain;

import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.platform.ids.PersonNames;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order (订单) for an offering: who bought it (a resident by their login, or a person at the counter),
 * for which service day, its price and whose each fen is ({@link OrderPrice}), and where it stands.
 *
 * @param buyerBirthDate the birth date the operator's staff checked (null when none was): what the subsidy rests on
 * @param ageVerifiedBy  the staff member who checked it
 * @param refundedFen    of what the buyer paid, refunded so far
 */
public record Order(UUID id, String number, UUID communityId, UUID merchantId, UUID offeringId, OfferingKind kind, int quantity,
                    LocalDate serviceDate, Via placedVia, String buyerLogin, String buyerName, LocalDate buyerBirthDate, String ageVerifiedBy,
                    long unitPriceFen, OrderPrice price, OrderStatus status, long refundedFen, String placedBy, Instant placedAt, Instant payBy,
                    Instant paidAt, Instant fulfilledAt, Instant cancelledAt, String cancelReason, Instant storedAt, String compartment,
                    UUID settlementId, UUID subsidyClaimId) {

    /** RESIDENT: placed by the buyer; COUNTER: by the operator's staff for someone at the counter; LOCKER: a parcel stored for a resident. */
    public enum Via { RESIDENT, COUNTER, LOCKER }

    /** The buyer's name as owners, regulators and events see it. */
    public String publicBuyerName() {
        return PersonNames.masked(buyerName);
    }

    /** Age on the service day, when the birth date was checked; else null. */
    public Integer verifiedAge() {
        return buyerBirthDate == null || ageVerifiedBy == null ? null : SubsidyPolicy.age(buyerBirthDate, serviceDate);
    }

    /** What is left to refund of each part: {@code [community commission, operator commission, merchant]}, after {@code refunded} parts. */
    public long[] left(long[] refunded) {
        return new long[]{price.communityCommissionFen() - refunded[0], price.operatorCommissionFen() - refunded[1], price.merchantFen() - refunded[2]};
    }
}
