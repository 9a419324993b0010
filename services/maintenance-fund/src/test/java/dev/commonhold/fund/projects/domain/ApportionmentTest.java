package dev.commonhold.fund.projects.domain;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule F4: a cost by exclusive area, to the fen; never an overdraft. */
class ApportionmentTest {

    @Test
    void aRoofOfTenThousandYuanAndOneFenOverFourEqualFlatsGivesTheOddFenToTheFirstInTheRegistersOrder() {
        List<Apportionment.Unit> flats = List.of(unit("1号楼-101", 8_850, 1_000_000), unit("1号楼-102", 8_850, 1_000_000),
                unit("1号楼-201", 8_850, 1_000_000), unit("1号楼-202", 8_850, 1_000_000));

        List<Apportionment.Share> shares = Apportionment.byArea(1_000_001, flats);

        assertThat(shares.stream().map(Apportionment.Share::shareFen).toList()).containsExactly(250_001L, 250_000L, 250_000L, 250_000L);
    }

    @Test
    void aShareBeyondTheBalanceIsTheOwnersToPayNeverAnOverdraft() {
        List<Apportionment.Share> shares = Apportionment.byArea(300_000, List.of(unit("1号楼-101", 10_000, 100_000), unit("1号楼-102", 20_000, 500_000)));

        assertThat(shares.get(0).shareFen()).isEqualTo(100_000);
        assertThat(shares.get(0).fromFundFen()).isEqualTo(100_000);
        assertThat(shares.get(0).shortfallFen()).isZero();
        assertThat(shares.get(1).shareFen()).isEqualTo(200_000);
        assertThat(shares.get(1).fromFundFen()).isEqualTo(200_000);
        Apportionment.Share poor = Apportionment.byArea(300_000, List.of(unit("1号楼-101", 10_000, 99_999), unit("1号楼-102", 20_000, 0))).getFirst();
        assertThat(poor.fromFundFen()).isEqualTo(99_999);
        assertThat(poor.shortfallFen()).as("one fen over the balance").isEqualTo(1);
    }

    @RepeatedTest(500)
    void partsAlwaysSumToTheCostAndEachIsWithinOneFenOfItsExactShare(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition() * 31_337L);
        int n = random.nextInt(1, 200);
        List<Apportionment.Unit> units = new ArrayList<>();
        long totalArea = 0;
        for (int i = 0; i < n; i++) {
            long area = random.nextBoolean() ? random.nextLong(1, 30_000) : 8_850;
            totalArea += area;
            units.add(unit("u" + i, area, random.nextLong(0, 5_000_000)));
        }
        long cost = random.nextLong(1, 5_000_000_000L);

        List<Apportionment.Share> shares = Apportionment.byArea(cost, units);

        assertThat(shares.stream().mapToLong(Apportionment.Share::shareFen).sum()).as("seed %d", repetition.getCurrentRepetition()).isEqualTo(cost);
        for (int i = 0; i < n; i++) {
            BigInteger exactTimesArea = BigInteger.valueOf(cost).multiply(BigInteger.valueOf(units.get(i).areaCentiM2()));
            BigInteger floor = exactTimesArea.divide(BigInteger.valueOf(totalArea));
            assertThat(shares.get(i).shareFen()).isBetween(floor.longValueExact(), floor.longValueExact() + 1);
            assertThat(shares.get(i).fromFundFen() + shares.get(i).shortfallFen()).isEqualTo(shares.get(i).shareFen());
            assertThat(shares.get(i).fromFundFen()).isLessThanOrEqualTo(units.get(i).balanceFen());
        }
    }

    @RepeatedTest(200)
    void stagesPaidByShareAddUpToEachShareOnceAllIsPaid(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition() * 7_001L);
        long[] shares = random.longs(random.nextInt(1, 60), 0, 2_000_000).toArray();
        long cost = java.util.Arrays.stream(shares).sum();
        if (cost == 0) {
            return;
        }
        long paid = 0;
        long[] before = new long[shares.length];
        while (paid < cost) {
            paid = Math.min(cost, paid + random.nextLong(1, cost + 1));
            long[] target = Apportionment.ofPayment(paid, shares);
            for (int i = 0; i < shares.length; i++) {
                assertThat(target[i]).as("a unit never pays back within a project").isGreaterThanOrEqualTo(before[i]);
            }
            before = target;
        }
        assertThat(before).containsExactly(shares);
    }

    private static Apportionment.Unit unit(String name, long area, long balance) {
        return new Apportionment.Unit(UUID.randomUUID(), name, area, balance);
    }
}
