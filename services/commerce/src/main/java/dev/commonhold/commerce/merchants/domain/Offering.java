package dev.commonhold.commerce.merchants.domain;

import java.time.LocalTime;
import java.util.UUID;

/**
 * Something a merchant sells in the community, at a price per unit (a meal, a session, a visit).
 *
 * @param priceFen       per unit, in fen (0 for locker storage, which costs only when overdue)
 * @param minAge         for {@link Eligibility#ELDERLY}: the youngest age that may buy
 * @param capacityPerDay seats or sessions per service day, or null for no daily limit
 * @param stock          units left to sell, or null for no stock; for lockers the free compartments
 * @param locker         for {@link OfferingKind#LOCKER_STORAGE} only
 */
public record Offering(UUID id, UUID merchantId, UUID communityId, OfferingKind kind, String name, long priceFen, Eligibility eligibility,
                       Integer minAge, Integer capacityPerDay, Integer stock, LocalTime opensAt, LocalTime closesAt, LockerTerms locker) {

    public Offering {
        if (priceFen < 0 || priceFen > 100_000_000) {
            throw new InvalidRequest("priceFen", "must be 0 to 100000000 fen");
        }
        if (eligibility == Eligibility.ELDERLY && (minAge == null || minAge < 50 || minAge > 120)) {
            throw new InvalidRequest("minAge", "an offering for the elderly needs the youngest age that may buy, 50 to 120");
        }
        if (capacityPerDay != null && capacityPerDay <= 0) {
            throw new InvalidRequest("capacityPerDay", "must be 1 or more, or left out for no daily limit");
        }
        if (stock != null && stock < 0) {
            throw new InvalidRequest("stock", "must be 0 or more, or left out for no stock");
        }
        if (!closesAt.isAfter(opensAt)) {
            throw new InvalidRequest("closesAt", "must be after opensAt");
        }
        if ((kind == OfferingKind.LOCKER_STORAGE) != (locker != null)) {
            throw new InvalidRequest("locker", "locker terms are given for locker storage, and only for it");
        }
        if (kind == OfferingKind.LOCKER_STORAGE && (stock == null || capacityPerDay != null)) {
            throw new InvalidRequest("stock", "a locker bank gives its number of compartments as stock, and no daily capacity");
        }
    }
}
