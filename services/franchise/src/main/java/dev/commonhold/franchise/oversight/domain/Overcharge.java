package dev.commonhold.franchise.oversight.domain;

import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.TariffCap;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A charge above an approved tariff cap that still happened (FR2): the charge, the most the cap allowed
 * for what it served, and the cap's approval reference.
 *
 * @param amountFen the charge, in fen; {@code mostFen} the most the cap allowed, in fen
 */
public record Overcharge(String chargeId, String revenueClass, String sourceReference, LocalDate servedTo, long amountFen, long mostFen,
                         int capIndex, String capReference) {

    /**
     * Checks a charge against the caps in force on its last day served: a visit spanning {@code days} calendar
     * days may cost at most days × the DAY cap; a permit or rent of {@code months} months at most months × the
     * MONTH cap. Empty when within every cap that bounds it.
     *
     * @param servedFrom first day served (the charge's periodStart; its due day when it has none)
     * @param servedTo   last day served, inclusive
     */
    public static Optional<Overcharge> check(Agreement agreement, String chargeId, String revenueClass, String sourceReference,
                                             LocalDate servedFrom, LocalDate servedTo, long amountFen) {
        long days = ChronoUnit.DAYS.between(servedFrom, servedTo) + 1;
        long months = Math.max(1, Math.round(days / 30.4375));
        Overcharge worst = null;
        for (int i = 0; i < agreement.terms().tariffCaps().size(); i++) {
            TariffCap cap = agreement.terms().tariffCaps().get(i);
            if (!cap.revenueClass().equals(revenueClass) || !cap.inForceOn(servedTo)) {
                continue;
            }
            Long most = cap.mostFor(days, months);
            if (most != null && amountFen > most && (worst == null || most < worst.mostFen())) {
                worst = new Overcharge(chargeId, revenueClass, sourceReference, servedTo, amountFen, most, i, cap.reference());
            }
        }
        return Optional.ofNullable(worst);
    }
}
