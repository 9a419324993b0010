package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A lease's rent, month by month and then cycle by cycle (租金计划).
 *
 * <p>Months run from the start date's day to the day before the next monthly anniversary
 * ({@code startOn.plusMonths(i)}), so 1 March–31 March, or 15 January–14 February. The first
 * {@code rentFreeMonths} months cost nothing. Lease year {@code y} (months 12y…12y+11) costs the
 * first year's monthly rent stepped up {@code y} times: each year's monthly rent is the previous
 * year's × (1 + escalation), rounded half up to the fen (so a step is always of a whole fen amount
 * the tenant can check on paper). A last month cut short by the end date costs its month's rent ×
 * days / days of that month, rounded half up. A cycle (1, 3, 6 or 12 months) is the exact sum of
 * its months and is due on its first day (paid in advance). Nothing is divided among parts, so no
 * fen is lost or added: the cycles always sum to the months.
 */
public final class RentSchedule {

    /** One month of the lease: {@code fullMonthFen} for the whole month, {@code amountFen} for the days the lease covers of it. */
    public record Month(int index, LocalDate start, LocalDate end, int daysInMonth, long fullMonthFen, long amountFen) {

        /** Rent for this month's days up to and including {@code lastDay} (all of it from its end on). */
        public long upTo(LocalDate lastDay) {
            if (lastDay.isBefore(start)) {
                return 0;
            }
            if (!lastDay.isBefore(end)) {
                return amountFen;
            }
            return prorate(fullMonthFen, ChronoUnit.DAYS.between(start, lastDay) + 1, daysInMonth);
        }
    }

    /** A billing cycle: due on {@code dueOn} (its first day), {@code amountFen} the sum of its months (0 when rent-free). */
    public record Period(int seq, LocalDate start, LocalDate end, LocalDate dueOn, long amountFen) {
    }

    /** The most one charge may be (contracts/events/shared/charge.v1: 1,000,000,000 yuan). */
    public static final long MAX_CHARGE_FEN = 100_000_000_000L;

    private final List<Month> months;
    private final List<Period> periods;
    private final int cycle;

    private RentSchedule(List<Month> months, int cycle) {
        this.months = List.copyOf(months);
        this.cycle = cycle;
        List<Period> built = new ArrayList<>();
        for (int c = 0; c * cycle < months.size(); c++) {
            List<Month> of = months.subList(c * cycle, Math.min((c + 1) * cycle, months.size()));
            built.add(new Period(c, of.getFirst().start(), of.getLast().end(), of.getFirst().start(), of.stream().mapToLong(Month::amountFen).sum()));
        }
        this.periods = List.copyOf(built);
    }

    /** @throws LeasingRuleViolation when the rent-free months leave nothing to pay */
    public static RentSchedule of(LeaseTerm term, RentTerms rent) {
        List<Month> months = new ArrayList<>();
        long monthly = rent.monthlyRentFen();
        for (int i = 0; ; i++) {
            LocalDate start = term.startOn().plusMonths(i);
            if (start.isAfter(term.endOn())) {
                break;
            }
            if (i > 0 && i % 12 == 0) {
                monthly = stepUp(monthly, rent.escalationBasisPoints());
            }
            LocalDate next = term.startOn().plusMonths(i + 1);
            int daysInMonth = (int) ChronoUnit.DAYS.between(start, next);
            LocalDate end = next.minusDays(1).isAfter(term.endOn()) ? term.endOn() : next.minusDays(1);
            long full = i < rent.rentFreeMonths() ? 0 : monthly;
            long amount = end.equals(next.minusDays(1)) ? full : prorate(full, ChronoUnit.DAYS.between(start, end) + 1, daysInMonth);
            months.add(new Month(i, start, end, daysInMonth, full, amount));
        }
        if (rent.rentFreeMonths() >= months.size()) {
            throw new LeasingRuleViolation(null, "rent.rentFreeMonths", "must leave rent to pay: the term has " + months.size() + " month(s)");
        }
        RentSchedule schedule = new RentSchedule(months, rent.billingCycleMonths());
        long largest = schedule.periods().stream().mapToLong(Period::amountFen).max().orElse(0);
        if (largest > MAX_CHARGE_FEN) {
            throw new LeasingRuleViolation(null, "rent.monthlyRentFen", "with this escalation one cycle would come to %d fen, over the %d fen one charge may be: "
                    .formatted(largest, MAX_CHARGE_FEN) + "lower the rent, the escalation or the billing cycle");
        }
        return schedule;
    }

    /** The monthly rent in lease year {@code year} (0 = the first): the first year's stepped up {@code year} times, half up each time. */
    public static long monthlyRentInYear(long firstYearFen, int escalationBasisPoints, int year) {
        long monthly = firstYearFen;
        for (int y = 0; y < year; y++) {
            monthly = stepUp(monthly, escalationBasisPoints);
        }
        return monthly;
    }

    static long stepUp(long monthlyFen, int basisPoints) {
        return Math.floorDiv(Math.multiplyExact(monthlyFen, 10_000L + basisPoints) * 2 + 10_000L, 20_000L);
    }

    /** {@code fen × days / ofDays}, half up. */
    static long prorate(long fen, long days, long ofDays) {
        return Math.floorDiv(Math.multiplyExact(fen, days) * 2 + ofDays, 2 * ofDays);
    }

    public List<Month> months() {
        return months;
    }

    public List<Period> periods() {
        return periods;
    }

    public long totalFen() {
        return months.stream().mapToLong(Month::amountFen).sum();
    }

    /** The rent of a cycle for its days up to and including {@code lastDay}: what it costs when the lease ends that day. */
    public long periodUpTo(int seq, LocalDate lastDay) {
        return months.subList(seq * cycle, Math.min((seq + 1) * cycle, months.size())).stream().mapToLong(m -> m.upTo(lastDay)).sum();
    }

    /** The monthly rent (not rent-free) in force on {@code day}: what a penalty of N months is counted in. */
    public long monthlyRentOn(LocalDate day) {
        Month in = months.stream().filter(m -> !day.isBefore(m.start()) && !day.isAfter(m.end())).findFirst().orElse(months.getLast());
        long firstYear = months.stream().filter(m -> m.index() < 12).mapToLong(Month::fullMonthFen).max().orElse(0);
        return in.fullMonthFen() > 0 ? in.fullMonthFen() : firstYear;
    }
}
