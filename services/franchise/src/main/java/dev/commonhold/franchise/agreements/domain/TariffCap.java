package dev.commonhold.franchise.agreements.domain;

import java.time.LocalDate;

/**
 * An approved tariff cap (政府指导价上限, FR2) for one covered service: any charge above it is a violation.
 *
 * @param revenueClass the class the service's charges carry (parking_operator, parking_common, lease_operator_space…)
 * @param unit         what the cap is per
 * @param capFen       the most that may be charged per unit, in fen
 * @param validFrom    first day the cap applies
 * @param validTo      last day (inclusive), or null while in force
 * @param reference    the price approval it rests on (批复文号) or its adjustment
 */
public record TariffCap(String revenueClass, Unit unit, long capFen, LocalDate validFrom, LocalDate validTo, String reference) {

    /**
     * HOUR: a parking hour (the lot's hourly rate); DAY: a calendar day of one visit (the lot's daily cap, and a
     * visit's charge may not exceed it for each day it spans); MONTH: a month of a permit or a rent;
     * M2_MONTH: a square metre a month of leased space, in fen per m².
     */
    public enum Unit {
        HOUR, DAY, MONTH, M2_MONTH
    }

    public TariffCap {
        if (revenueClass == null || revenueClass.isBlank()) {
            throw new InvalidTerms("revenueClass", "is required: the class the capped service's charges carry");
        }
        if (unit == null) {
            throw new InvalidTerms("unit", "is required: HOUR, DAY, MONTH or M2_MONTH");
        }
        Fen.require("capFen", capFen, true);
        if (validFrom == null) {
            throw new InvalidTerms("validFrom", "is required");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new InvalidTerms("validTo", "must be on or after validFrom");
        }
        if (reference == null || reference.isBlank()) {
            throw new InvalidTerms("reference", "is required: the price approval (批复文号) the cap rests on");
        }
    }

    /** Whether the two bound the same service by the same unit on some day. */
    public boolean overlaps(TariffCap other) {
        return revenueClass.equals(other.revenueClass) && unit == other.unit
                && (validTo == null || !other.validFrom.isAfter(validTo)) && (other.validTo == null || !validFrom.isAfter(other.validTo));
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * The most a charge of this class may be when it serves {@code days} calendar days (a parking visit, both ends
     * counted) or {@code months} months (a permit, a rent period); null when this cap does not bound such a charge
     * by itself (an hourly or per-m² cap needs the hours or the area).
     */
    public Long mostFor(long days, long months) {
        return switch (unit) {
            case DAY -> Math.multiplyExact(capFen, Math.max(1, days));
            case MONTH -> Math.multiplyExact(capFen, Math.max(1, months));
            case HOUR, M2_MONTH -> null;
        };
    }
}
