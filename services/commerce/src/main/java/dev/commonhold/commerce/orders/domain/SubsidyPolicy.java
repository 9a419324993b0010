package dev.commonhold.commerce.orders.domain;

import dev.commonhold.commerce.merchants.domain.OfferingKind;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * A city's subsidy for the elderly (老年助餐、居家养老补贴): a fixed amount per unit (meal, session) by
 * kind and age band, for buyers whose birth date the operator's staff checked. Bands of one kind must
 * not overlap; the first that matches applies.
 */
public record SubsidyPolicy(List<Band> bands) {

    /**
     * @param minAge     youngest age in the band (inclusive)
     * @param maxAge     oldest age in the band (inclusive), or null for no upper bound
     * @param fenPerUnit per meal or session, in fen
     */
    public record Band(OfferingKind kind, int minAge, Integer maxAge, long fenPerUnit) {
    }

    public static final SubsidyPolicy NONE = new SubsidyPolicy(List.of());

    /** A subsidy feeds one person once a day for each kind (one meal, one session): more is paid in full. */
    public static final int UNITS_PER_DAY = 1;

    /** Age in whole years on {@code on}: a birthday on 29 February counts on 1 March in a common year. */
    public static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /** The band that applies, if any. */
    public java.util.Optional<Band> band(OfferingKind kind, int age) {
        return bands.stream().filter(b -> b.kind() == kind && age >= b.minAge() && (b.maxAge() == null || age <= b.maxAge())).findFirst();
    }

    /**
     * The subsidy for an order, in fen: the band's amount for as many of its {@code quantity} units as the
     * buyer has left today ({@link #UNITS_PER_DAY} less {@code alreadyToday}); 0 when no band applies or the
     * age was not checked ({@code verifiedAge} null).
     */
    public long entitled(OfferingKind kind, Integer verifiedAge, int quantity, int alreadyToday) {
        if (verifiedAge == null) {
            return 0;
        }
        int units = Math.max(0, Math.min(quantity, UNITS_PER_DAY - alreadyToday));
        return band(kind, verifiedAge).map(b -> b.fenPerUnit() * units).orElse(0L);
    }
}
