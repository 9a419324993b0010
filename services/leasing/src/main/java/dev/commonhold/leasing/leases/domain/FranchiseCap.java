package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * A rent cap approved under a franchise agreement (FR2), as franchise oversight published it for this
 * community: M2_MONTH bounds a month's rent per m² of the let area, MONTH a month's rent.
 *
 * @param capFen    the most per unit, in fen (per m² a month for M2_MONTH)
 * @param validTo   last day, inclusive; null while open-ended
 * @param reference the price approval (批复文号), quoted when a rent is refused
 */
public record FranchiseCap(String revenueClass, String unit, long capFen, LocalDate validFrom, LocalDate validTo, String reference) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * FR2: every month of the schedule (escalations included) within every cap in force on its first day.
     * Per m²: rent × 100 ≤ cap × area in 0.01 m², so exactly at the cap passes and one fen over is refused.
     *
     * @param areaCentiM2 the let area in 0.01 m²
     * @throws LeasingRuleViolation naming FR2, rent.monthlyRentFen and the approval
     */
    public static void check(RentSchedule schedule, long areaCentiM2, List<FranchiseCap> caps) {
        for (RentSchedule.Month m : schedule.months()) {
            for (FranchiseCap cap : caps) {
                if (!cap.inForceOn(m.start()) || m.fullMonthFen() == 0) {
                    continue;
                }
                boolean over = switch (cap.unit()) {
                    case "M2_MONTH" -> java.math.BigInteger.valueOf(m.fullMonthFen()).multiply(java.math.BigInteger.valueOf(100))
                            .compareTo(java.math.BigInteger.valueOf(cap.capFen()).multiply(java.math.BigInteger.valueOf(areaCentiM2))) > 0; // no overflow
                    case "MONTH" -> m.fullMonthFen() > cap.capFen();
                    default -> false;
                };
                if (over) {
                    throw new LeasingRuleViolation("FR2", "rent.monthlyRentFen", "the rent from %s, %d fen a month for %s m², is above the franchise's approved cap of %d fen %s (%s)"
                            .formatted(m.start(), m.fullMonthFen(), java.math.BigDecimal.valueOf(areaCentiM2, 2).toPlainString(), cap.capFen(),
                                    cap.unit().equals("M2_MONTH") ? "per m² a month" : "a month", cap.reference()));
                }
            }
        }
    }
}
