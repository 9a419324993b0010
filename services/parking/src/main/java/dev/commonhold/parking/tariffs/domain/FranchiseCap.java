package dev.commonhold.parking.tariffs.domain;

import java.time.LocalDate;

/**
 * A tariff cap approved under a franchise agreement (FR2), as franchise oversight published it for this
 * community: HOUR bounds every hourly rate, DAY a plan's cap per 24 h, MONTH a permit's monthly price.
 *
 * @param capFen    the most per unit, in fen
 * @param validTo   last day, inclusive; null while open-ended
 * @param reference the price approval (批复文号), quoted when a price is refused
 */
public record FranchiseCap(String revenueClass, String unit, long capFen, LocalDate validFrom, LocalDate validTo, String reference) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
