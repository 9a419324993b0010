package dev.commonhold.community.assembly.domain;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based: on random electorates and ballots (each repetition its own seed, printed on
 * failure), the tally agrees with a slow reference written straight from the rule text with
 * BigInteger fractions.
 * (jqwik does not run on JUnit 6 yet; seeded repetitions give the same coverage and reproducibility.)
 */
class TallyPropertiesTest {

    private static final Choice[] OPTIONS = {null, Choice.APPROVE, Choice.REJECT, Choice.ABSTAIN};

    @RepeatedTest(1_000)
    void tallyAgreesWithTheSlowReference(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition() * 7_919L);
        Case c = Case.random(random, 60, random.nextBoolean() ? 5 : 200_000);

        for (Threshold threshold : Threshold.values()) {
            assertThat(Tally.count(c.electorate, c.ballots, c.nonVotersApprove).outcome(threshold))
                    .as("seed %d, %s", repetition.getCurrentRepetition(), threshold)
                    .isEqualTo(Reference.outcome(c.electorate, c.ballots, c.nonVotersApprove, threshold));
        }
    }

    private record Case(Electorate electorate, Map<UUID, Choice> ballots, boolean nonVotersApprove) {
        /** Small areas make exact boundaries (2/3, 1/2, 3/4) likely; large ones exercise big sums. */
        static Case random(SplittableRandom random, int maxVoters, int maxArea) {
            List<Voter> voters = new ArrayList<>();
            Map<UUID, Choice> ballots = new HashMap<>();
            for (int i = 0, n = random.nextInt(1, maxVoters + 1); i < n; i++) {
                Voter voter = new Voter(UUID.randomUUID(), "PERSON", "v" + i, random.nextLong(1, maxArea + 1), 1);
                voters.add(voter);
                Choice choice = OPTIONS[random.nextInt(OPTIONS.length)];
                if (choice != null) {
                    ballots.put(voter.ownerId(), choice);
                }
            }
            return new Case(new Electorate(voters), ballots, random.nextInt(5) == 0);
        }
    }

    /** The rules as written, computed the slow way: sum by choice, compare fractions with BigInteger. */
    private static final class Reference {

        static Outcome outcome(Electorate electorate, Map<UUID, Choice> ballots, boolean nonVotersApprove, Threshold threshold) {
            BigInteger totalArea = BigInteger.ZERO;
            BigInteger totalOwners = BigInteger.ZERO;
            BigInteger[] area = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
            BigInteger[] owners = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
            for (Voter voter : electorate.voters()) {
                totalArea = totalArea.add(BigInteger.valueOf(voter.areaCentiSquareMetres()));
                totalOwners = totalOwners.add(BigInteger.ONE);
                Choice choice = ballots.getOrDefault(voter.ownerId(), nonVotersApprove ? Choice.APPROVE : null);
                if (choice != null) {
                    area[choice.ordinal()] = area[choice.ordinal()].add(BigInteger.valueOf(voter.areaCentiSquareMetres()));
                    owners[choice.ordinal()] = owners[choice.ordinal()].add(BigInteger.ONE);
                }
            }
            BigInteger partArea = area[0].add(area[1]).add(area[2]);
            BigInteger partOwners = owners[0].add(owners[1]).add(owners[2]);
            // V1: part/total >= 2/3 in both
            if (!atLeast(partArea, totalArea, 2, 3) || !atLeast(partOwners, totalOwners, 2, 3)) {
                return Outcome.NO_QUORUM;
            }
            boolean approved = threshold == Threshold.SPECIAL_THREE_QUARTERS
                    ? atLeast(area[0], partArea, 3, 4) && atLeast(owners[0], partOwners, 3, 4)      // V2: >= 3/4
                    : moreThan(area[0], partArea, 1, 2) && moreThan(owners[0], partOwners, 1, 2);  // V3: > 1/2
            return approved ? Outcome.APPROVED : Outcome.REJECTED;
        }

        private static boolean atLeast(BigInteger a, BigInteger b, int p, int q) {
            return b.signum() > 0 && a.multiply(BigInteger.valueOf(q)).compareTo(b.multiply(BigInteger.valueOf(p))) >= 0;
        }

        private static boolean moreThan(BigInteger a, BigInteger b, int p, int q) {
            return b.signum() > 0 && a.multiply(BigInteger.valueOf(q)).compareTo(b.multiply(BigInteger.valueOf(p))) > 0;
        }
    }
}
