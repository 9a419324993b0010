package dev.commonhold.fund.projects.domain;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import dev.commonhold.platform.money.Allocation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rule F10 (with V9): a retrofit such as adding a lift to an old building, paid by a government
 * subsidy, the maintenance fund and the owners' own contributions (居民出资). The subsidy is paid
 * to the contractor by the government; the fund's part and the contributions go through the fund.
 * Both are split between the building's units by the floor coefficient the owners agreed times the
 * unit's exclusive area — the ground floor's coefficient is usually 0, so its owners pay nothing —
 * with the largest-remainder split: each part sums to its amount to the fen, whatever the coefficients.
 *
 * @param subsidyFen         fen the government pays directly
 * @param fundFen            fen taken from the affected sub-accounts
 * @param contributionFen    fen the owners pay besides (the cost less the other two)
 * @param floorCoefficients  per floor, in hundredths (0 = nothing, 100 = one share); floors not named take the last one named
 */
public record Retrofit(long subsidyFen, long fundFen, long contributionFen, Map<Integer, Integer> floorCoefficients) {

    /** A city's usual table, as an example (floors 1 to 7+): the ground floor pays nothing, each floor up a little more. */
    public static final Map<Integer, Integer> USUAL_COEFFICIENTS = Map.of(1, 0, 2, 40, 3, 70, 4, 100, 5, 120, 6, 140, 7, 150);

    /** A unit of the building: its floor and exclusive area (0.01 m²). */
    public record Unit(UUID unitId, int floor, long areaCentiM2) {
    }

    /** One unit's parts, in fen. */
    public record Part(UUID unitId, int coefficient, long fundFen, long contributionFen) {
        public long totalFen() {
            return fundFen + contributionFen;
        }
    }

    public Retrofit {
        floorCoefficients = Map.copyOf(floorCoefficients == null || floorCoefficients.isEmpty() ? USUAL_COEFFICIENTS : floorCoefficients);
        if (floorCoefficients.entrySet().stream().anyMatch(e -> e.getKey() < 1 || e.getKey() > 60 || e.getValue() < 0 || e.getValue() > 10_000)) {
            throw new FundRuleViolation("F10", "floorCoefficients", "a coefficient per floor (1 to 60), each 0 to 10,000 hundredths");
        }
        if (subsidyFen < 0 || fundFen < 0 || contributionFen < 0) {
            throw new FundRuleViolation("F10", "subsidyFen", "the subsidy and the fund's part are at least 0 and at most the cost");
        }
    }

    /** The cost less the subsidy and the fund's part is the owners' contribution; refused if they already exceed it. */
    public static Retrofit of(long costFen, long subsidyFen, long fundFen, Map<Integer, Integer> coefficients) {
        if (subsidyFen < 0 || fundFen < 0 || subsidyFen + fundFen > costFen) {
            throw new FundRuleViolation("F10", "fundFen", "the subsidy (%d fen) and the fund's part (%d fen) are at least 0 and together at most the cost (%d fen)"
                    .formatted(subsidyFen, fundFen, costFen));
        }
        return new Retrofit(subsidyFen, fundFen, costFen - subsidyFen - fundFen, coefficients);
    }

    public int coefficient(int floor) {
        return floorCoefficients.entrySet().stream().filter(e -> e.getKey() <= floor).max(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).orElse(0);
    }

    /** The fund's part and the contributions per unit, in the given (register) order. */
    public List<Part> parts(List<Unit> units) {
        long[] weights = units.stream().mapToLong(u -> Math.multiplyExact((long) coefficient(u.floor()), u.areaCentiM2())).toArray();
        if (java.util.Arrays.stream(weights).allMatch(w -> w == 0)) {
            throw new FundRuleViolation("F10", "floorCoefficients", "every affected unit has a coefficient of 0: nobody would pay");
        }
        long[] fund = fundFen == 0 ? new long[units.size()] : Allocation.largestRemainder(fundFen, weights);
        long[] contributions = contributionFen == 0 ? new long[units.size()] : Allocation.largestRemainder(contributionFen, weights);
        return java.util.stream.IntStream.range(0, units.size())
                .mapToObj(i -> new Part(units.get(i).unitId(), coefficient(units.get(i).floor()), fund[i], contributions[i])).toList();
    }
}
