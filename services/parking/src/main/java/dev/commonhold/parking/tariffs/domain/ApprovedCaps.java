package dev.commonhold.parking.tariffs.domain;

import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;

/**
 * Rule K3 / FR2: under a franchise a tariff stays within the approved caps — no hourly rate
 * (first, following or night) above the approved hourly cap, and a daily cap that exists and is
 * not above the approved daily cap. Exactly at the cap is allowed; one fen over is refused.
 */
public final class ApprovedCaps {

    private ApprovedCaps() {
    }

    /** @throws ParkingRuleViolation naming the rule FR2 and the field over its cap */
    public static void check(TariffPlan plan, Lot lot) {
        if (lot.maxHourFen() != null) {
            over(plan.firstHourFen(), lot.maxHourFen(), "firstHourFen");
            over(plan.nextHourFen(), lot.maxHourFen(), "nextHourFen");
            if (plan.nightHourFen() != null) {
                over(plan.nightHourFen(), lot.maxHourFen(), "nightHourFen");
            }
        }
        if (lot.maxDailyFen() != null) {
            if (plan.dailyCapFen() == null) {
                throw new ParkingRuleViolation("FR2", "dailyCapFen", "the lot's approved daily cap is " + lot.maxDailyFen()
                        + " fen: the plan must cap a day at no more than that");
            }
            over(plan.dailyCapFen(), lot.maxDailyFen(), "dailyCapFen");
        }
    }

    private static void over(long asked, long cap, String field) {
        if (asked > cap) {
            throw new ParkingRuleViolation("FR2", field, asked + " fen is above the approved cap of " + cap + " fen");
        }
    }
}
