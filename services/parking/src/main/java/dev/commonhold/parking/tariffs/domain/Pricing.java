package dev.commonhold.parking.tariffs.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The price of a stay, exact to the fen (rule K3). The rules, in order:
 * <ol>
 *   <li>A stay no longer than the free period of the plan in force at entry costs nothing; one
 *       second longer and it is charged from entry (the free period is not deducted).</li>
 *   <li>The stay is cut into 24-hour windows from entry; each is cut into units (a started unit
 *       is charged whole). Every unit is sized and priced by the plan in force at its start, so a
 *       tariff change mid-stay applies from the first unit that starts after it.</li>
 *   <li>A unit starting in the night window pays the night rate; otherwise a unit starting in
 *       the stay's first hour pays the first-hour rate, and any later unit the following-hour rate.</li>
 *   <li>A window costs at most the daily cap of the plan in force at the window's start.</li>
 * </ol>
 */
public final class Pricing {

    /** One 24-hour window of a stay: what its units came to and what was charged after the cap. */
    public record Window(Instant from, Instant to, int units, long unitsFen, long chargedFen) {
    }

    /** The price and how it was reached, kept with the session and shown to the driver. */
    public record Price(long totalFen, boolean free, List<Window> windows) {
    }

    private static final Duration WINDOW = Duration.ofHours(24);

    private Pricing() {
    }

    /**
     * @param plans the lot's plans for the session's audience, any order; one must be in force at entry
     * @throws IllegalArgumentException when exit is before entry or no plan is in force at entry
     */
    public static Price of(Instant entry, Instant exit, List<TariffPlan> plans, ZoneId zone) {
        if (exit.isBefore(entry)) {
            throw new IllegalArgumentException("exit " + exit + " before entry " + entry);
        }
        List<TariffPlan> sorted = plans.stream().sorted(Comparator.comparing(TariffPlan::effectiveFrom)).toList();
        TariffPlan atEntry = inForce(sorted, entry);
        if (Duration.between(entry, exit).compareTo(Duration.ofMinutes(atEntry.freeMinutes())) <= 0) {
            return new Price(0, true, List.of());
        }
        Instant firstHourEnds = entry.plus(Duration.ofHours(1));
        List<Window> windows = new ArrayList<>();
        long total = 0;
        for (Instant from = entry; from.isBefore(exit); from = from.plus(WINDOW)) {
            Instant to = min(from.plus(WINDOW), exit);
            int units = 0;
            long sum = 0;
            for (Instant start = from; start.isBefore(to); ) {
                TariffPlan plan = inForce(sorted, start);
                long hourly = plan.atNight(start.atZone(zone).toLocalTime()) ? plan.nightHourFen()
                        : start.isBefore(firstHourEnds) ? plan.firstHourFen() : plan.nextHourFen();
                sum += plan.perUnit(hourly);
                units++;
                start = start.plus(Duration.ofMinutes(plan.unitMinutes()));
            }
            Long cap = inForce(sorted, from).dailyCapFen();
            long charged = cap == null ? sum : Math.min(sum, cap);
            windows.add(new Window(from, to, units, sum, charged));
            total += charged;
        }
        return new Price(total, false, List.copyOf(windows));
    }

    static TariffPlan inForce(List<TariffPlan> sorted, Instant at) {
        TariffPlan found = null;
        for (TariffPlan plan : sorted) {
            if (!plan.effectiveFrom().isAfter(at)) {
                found = plan;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no tariff plan in force at " + at);
        }
        return found;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
