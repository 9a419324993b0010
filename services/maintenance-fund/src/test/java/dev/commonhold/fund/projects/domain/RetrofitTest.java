package dev.commonhold.fund.projects.domain;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule F10: a lift for an old building, paid by subsidy, fund and owners, split by floor. */
class RetrofitTest {

    @Test
    void aLiftForASixFloorBuildingSumsToItsCostToTheFenAndTheGroundFloorPaysNothing() {
        List<Retrofit.Unit> flats = new ArrayList<>();
        for (int floor = 1; floor <= 6; floor++) {
            flats.add(new Retrofit.Unit(UUID.randomUUID(), floor, 6_512));
            flats.add(new Retrofit.Unit(UUID.randomUUID(), floor, 8_733));
        }
        long cost = 60_000_001; // 600,000.01 yuan
        Retrofit lift = Retrofit.of(cost, 24_000_000, 9_999_999, null);

        List<Retrofit.Part> parts = lift.parts(flats);

        assertThat(lift.contributionFen()).isEqualTo(26_000_002);
        assertThat(lift.subsidyFen() + parts.stream().mapToLong(Retrofit.Part::fundFen).sum() + parts.stream().mapToLong(Retrofit.Part::contributionFen).sum())
                .as("subsidy + fund + contributions = the cost, to the fen").isEqualTo(cost);
        assertThat(parts.subList(0, 2)).allSatisfy(ground -> {
            assertThat(ground.coefficient()).isZero();
            assertThat(ground.totalFen()).as("the ground floor pays nothing").isZero();
        });
        for (int i = 2; i + 2 < parts.size(); i += 2) {
            assertThat(parts.get(i + 2).contributionFen()).as("each floor up pays more for the same flat").isGreaterThan(parts.get(i).contributionFen());
        }
    }

    @RepeatedTest(300)
    void whateverTheCoefficientsTheFundsPartAndTheContributionsEachSumExactly(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition() * 4_099L);
        int floors = random.nextInt(2, 19);
        Map<Integer, Integer> coefficients = new HashMap<>();
        coefficients.put(1, 0);
        for (int floor = 2; floor <= floors; floor++) {
            coefficients.put(floor, random.nextInt(0, 500));
        }
        coefficients.put(floors, coefficients.get(floors) + 1); // someone pays
        List<Retrofit.Unit> flats = new ArrayList<>();
        for (int floor = 1; floor <= floors; floor++) {
            for (int flat = random.nextInt(1, 5); flat > 0; flat--) {
                flats.add(new Retrofit.Unit(UUID.randomUUID(), floor, random.nextLong(3_000, 15_000)));
            }
        }
        long cost = random.nextLong(1, 200_000_000L);
        long subsidy = random.nextLong(0, cost + 1);
        long fund = random.nextLong(0, cost - subsidy + 1);

        Retrofit lift = Retrofit.of(cost, subsidy, fund, coefficients);
        List<Retrofit.Part> parts = lift.parts(flats);

        assertThat(parts.stream().mapToLong(Retrofit.Part::fundFen).sum()).isEqualTo(fund);
        assertThat(parts.stream().mapToLong(Retrofit.Part::contributionFen).sum()).isEqualTo(cost - subsidy - fund);
        assertThat(parts.stream().filter(p -> p.coefficient() == 0)).allSatisfy(p -> assertThat(p.totalFen()).isZero());
    }

    @Test
    void theSubsidyAndTheFundCannotExceedTheCostAndSomeoneMustPay() {
        assertThatThrownBy(() -> Retrofit.of(1_000, 600, 401, null))
                .isInstanceOfSatisfying(FundRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("F10"));
        assertThat(Retrofit.of(1_000, 600, 400, null).contributionFen()).as("exactly the cost").isZero();
        assertThatThrownBy(() -> Retrofit.of(1_000, 0, 0, null).parts(List.of(new Retrofit.Unit(UUID.randomUUID(), 1, 8_000))))
                .hasMessageContaining("nobody would pay");
        assertThat(Retrofit.of(1_000, 0, 0, Map.of(1, 0, 3, 100)).coefficient(9)).as("floors not named take the last one named").isEqualTo(100);
    }
}
