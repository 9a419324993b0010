package dev.commonhold.fund.projects.domain;

import dev.commonhold.platform.money.Allocation;

import java.util.List;
import java.util.UUID;

/**
 * Rule F4: a cost shared by the affected units in proportion to their exclusive area, to the fen,
 * with the platform's largest-remainder split (the parts always sum to the cost; an odd fen left
 * over goes to the largest remainder, and between equal remainders to the unit earlier in the
 * register's order — building, then unit number). Each share is met from the unit's sub-account as
 * far as its balance goes; the rest is the owner's to pay, never an overdraft.
 */
public final class Apportionment {

    /**
     * An affected unit as apportioned: {@code areaCentiM2} in 0.01 m², the rest in fen. Of a
     * retrofit's share (F10), {@code contributionFen} is the owner's own contribution, charged to
     * them; the rest is the fund's part, met from the sub-account as far as it goes.
     */
    public record Share(UUID unitId, String unit, long areaCentiM2, long shareFen, long fromFundFen, long shortfallFen, long contributionFen) {
    }

    /** An affected unit before apportionment, in the register's order. */
    public record Unit(UUID unitId, String unit, long areaCentiM2, long balanceFen) {
    }

    private Apportionment() {
    }

    public static List<Share> byArea(long costFen, List<Unit> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a cost is apportioned over at least one unit");
        }
        long[] shares = Allocation.largestRemainder(costFen, units.stream().mapToLong(Unit::areaCentiM2).toArray());
        return java.util.stream.IntStream.range(0, units.size()).mapToObj(i -> {
            Unit u = units.get(i);
            long fromFund = Math.min(u.balanceFen(), shares[i]);
            return new Share(u.unitId(), u.unit(), u.areaCentiM2(), shares[i], fromFund, shares[i] - fromFund, 0);
        }).toList();
    }

    /** A payment of {@code amountFen} split by the units' shares of the cost (the same rule): what each sub-account pays of it. */
    public static long[] ofPayment(long amountFen, long[] sharesFen) {
        return Allocation.largestRemainder(amountFen, sharesFen);
    }
}
