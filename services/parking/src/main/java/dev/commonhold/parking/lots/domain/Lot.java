package dev.commonhold.parking.lots.domain;

import java.util.UUID;

/**
 * A car park of a community (停车场): its capacity, whose spaces visitors and permit holders use
 * (which decides the revenue class of what they pay), the lot's minimum fee (rule K4), its
 * approved tariff caps (K3, FR2; configured here until franchise oversight publishes them) and
 * its monthly permits (K2).
 *
 * @param minimumFeeFen       charged for an exit whose entry cannot be found (K4)
 * @param maxHourFen          approved cap of any hourly rate, or null when none was approved
 * @param maxDailyFen         approved cap per 24 hours, or null when none was approved
 * @param permitQuota         how many monthly permits the lot can carry at once
 * @param permitMonthlyFen    a month's permit price
 * @param permitGraceDays     days after expiry a permit still opens the gate (with a reminder)
 */
public record Lot(UUID id, UUID communityId, String name, int capacity, SpaceKind visitorSpaceKind, long minimumFeeFen, Long maxHourFen,
                  Long maxDailyFen, int permitQuota, long permitMonthlyFen, SpaceKind permitSpaceKind, int permitGraceDays) {

    public Lot {
        require(name != null && !name.isBlank() && name.length() <= 100, "name", "1 to 100 characters");
        require(capacity > 0 && capacity <= 20_000, "capacity", "1 to 20,000 spaces");
        require(visitorSpaceKind != null && visitorSpaceKind.earns(), "visitorSpaceKind",
                "visitors park on COMMON_LAND or OPERATOR_OWNED spaces, never on a private one");
        require(minimumFeeFen >= 0, "minimumFeeFen", "must not be negative");
        require(maxHourFen == null || maxHourFen >= 0, "maxHourFen", "must not be negative");
        require(maxDailyFen == null || maxDailyFen >= 0, "maxDailyFen", "must not be negative");
        require(permitQuota >= 0 && permitQuota <= capacity, "permitQuota", "0 to the lot's capacity");
        require(permitMonthlyFen >= 0, "permitMonthlyFen", "must not be negative");
        require(permitSpaceKind != null && permitSpaceKind.earns(), "permitSpaceKind", "permits are for COMMON_LAND or OPERATOR_OWNED spaces");
        require(permitGraceDays >= 0 && permitGraceDays <= 31, "permitGraceDays", "0 to 31 days");
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new ParkingRuleViolation(null, field, message);
        }
    }
}
