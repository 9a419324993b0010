package dev.commonhold.parking.tariffs.domain;

import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * Rule K3 / FR2: under a franchise a tariff stays within the approved caps — no hourly rate
 * (first, following or night) above the approved hourly cap, and a daily cap that exists and is
 * not above the approved daily cap. The caps are the lot's own (configured by the operator) and
 * those franchise oversight published for the community and the revenue class the plan's charges
 * carry, in force on the plan's first day: the lowest binds. Exactly at the cap is allowed; one fen
 * over is refused.
 */
public final class ApprovedCaps {

    private ApprovedCaps() {
    }

    /** The lot's caps only. */
    public static void check(TariffPlan plan, Lot lot) {
        check(plan, lot, List.of(), null);
    }

    /**
     * @param franchise the franchise caps of the class the plan's charges carry (any validity)
     * @param day       the plan's first day, for the franchise caps' validity
     * @throws ParkingRuleViolation naming the rule FR2, the field over its cap, and the approval it rests on
     */
    public static void check(TariffPlan plan, Lot lot, List<FranchiseCap> franchise, LocalDate day) {
        Bound hour = Bound.of(lot.maxHourFen(), "the lot's approved hourly cap", franchise, "HOUR", day);
        Bound daily = Bound.of(lot.maxDailyFen(), "the lot's approved daily cap", franchise, "DAY", day);
        if (hour != null) {
            over(plan.firstHourFen(), hour, "firstHourFen");
            over(plan.nextHourFen(), hour, "nextHourFen");
            if (plan.nightHourFen() != null) {
                over(plan.nightHourFen(), hour, "nightHourFen");
            }
        }
        if (daily != null) {
            if (plan.dailyCapFen() == null) {
                throw new ParkingRuleViolation("FR2", "dailyCapFen", daily.source() + " is " + daily.fen()
                        + " fen: the plan must cap a day at no more than that");
            }
            over(plan.dailyCapFen(), daily, "dailyCapFen");
        }
    }

    private static void over(long asked, Bound cap, String field) {
        if (asked > cap.fen()) {
            throw new ParkingRuleViolation("FR2", field, asked + " fen is above " + cap.source() + " of " + cap.fen() + " fen");
        }
    }

    /** The lowest cap of a unit and what it rests on. */
    private record Bound(long fen, String source) {
        static Bound of(Long lotFen, String lotSource, List<FranchiseCap> franchise, String unit, LocalDate day) {
            Bound lowest = lotFen == null ? null : new Bound(lotFen, lotSource);
            for (FranchiseCap c : franchise) {
                if (c.unit().equals(unit) && c.inForceOn(day) && (lowest == null || c.capFen() < lowest.fen())) {
                    lowest = new Bound(c.capFen(), "the franchise's approved cap (" + c.reference() + ")");
                }
            }
            return lowest;
        }
    }
}
