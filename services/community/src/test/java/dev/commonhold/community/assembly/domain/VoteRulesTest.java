package dev.commonhold.community.assembly.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.commonhold.community.assembly.domain.Choice.ABSTAIN;
import static dev.commonhold.community.assembly.domain.Choice.APPROVE;
import static dev.commonhold.community.assembly.domain.Choice.REJECT;
import static dev.commonhold.community.assembly.domain.Outcome.APPROVED;
import static dev.commonhold.community.assembly.domain.Outcome.NO_QUORUM;
import static dev.commonhold.community.assembly.domain.Outcome.REJECTED;
import static dev.commonhold.community.assembly.domain.Threshold.ORDINARY_MAJORITY;
import static dev.commonhold.community.assembly.domain.Threshold.SPECIAL_THREE_QUARTERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules V1–V6 of DOMAIN-RULES.md at their boundaries. Areas are in 0.01 m²: 10_000 is 100.00 m².
 * Every boundary here is rule V4's: fractions compared exactly by integer cross-multiplication —
 * exactly 2/3 and 3/4 pass, exactly 1/2 fails, and 0.01 m² either side decides.
 */
class VoteRulesTest {

    @Nested
    class QuorumV1 {

        @Test
        @org.junit.jupiter.api.DisplayName("V4 — exactlyTwoThirdsOfAreaAndOwnersTakingPartIsAValidVote")
        void exactlyTwoThirdsOfAreaAndOwnersTakingPartIsAValidVote() {
            Tally tally = new Electorates().owner(10_000, APPROVE).owner(10_000, REJECT).owner(10_000, null).tally();

            assertThat(tally.quorumMet()).isTrue();
        }

        @Test
        @org.junit.jupiter.api.DisplayName("V4 — participationOneCentiSquareMetreShortOfTwoThirdsIsNoVote")
        void participationOneCentiSquareMetreShortOfTwoThirdsIsNoVote() {
            // 10000 + 9999 of 30000 took part: 59997 < 60000, though 2 of 3 owners did
            Tally tally = new Electorates().owner(10_000, APPROVE).owner(9_999, APPROVE).owner(10_001, null).tally();

            assertThat(tally.quorumMet()).isFalse();
            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(NO_QUORUM);
        }

        @Test
        void areaQuorumWithoutEnoughOwnersIsNoVote() {
            Tally tally = new Electorates().owner(20_000, APPROVE).owner(5_000, null).owner(5_000, null).tally();

            assertThat(tally.participatingArea() * 3).isGreaterThanOrEqualTo(tally.totalArea() * 2);
            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(NO_QUORUM);
        }

        @Test
        void enoughOwnersWithoutEnoughAreaIsNoVote() {
            Tally tally = new Electorates().owners(2, 5_000, APPROVE).owner(20_000, null).tally();

            assertThat(tally.participatingOwners()).isEqualTo(2);
            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(NO_QUORUM);
        }
    }

    @Nested
    class OrdinaryMajorityV3 {

        @Test
        @org.junit.jupiter.api.DisplayName("V4 — exactlyHalfApprovingFails")
        void exactlyHalfApprovingFails() {
            Tally tally = new Electorates().owners(2, 10_000, APPROVE).owners(2, 10_000, REJECT).tally();

            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(REJECTED);
        }

        @Test
        @org.junit.jupiter.api.DisplayName("V4 — oneCentiSquareMetreMoreThanHalfWithMoreThanHalfTheOwnersPasses")
        void oneCentiSquareMetreMoreThanHalfWithMoreThanHalfTheOwnersPasses() {
            // approving 10002 of 20003 participating: 20004 > 20003
            Tally tally = new Electorates().owner(10_001, APPROVE).owner(1, APPROVE).owner(10_001, REJECT).tally();

            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(APPROVED);
        }

        @Test
        void majorityOfAreaButNotOfOwnersFails() {
            Tally tally = new Electorates().owner(30_000, APPROVE).owners(2, 10_000, REJECT).tally();

            assertThat(tally.approvingArea() * 2).isGreaterThan(tally.participatingArea());
            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(REJECTED);
        }

        @Test
        void majorityOfOwnersButNotOfAreaFails() {
            Tally tally = new Electorates().owner(30_000, REJECT).owners(2, 10_000, APPROVE).tally();

            assertThat(tally.approvingOwners() * 2).isGreaterThan(tally.participatingOwners());
            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(REJECTED);
        }
    }

    @Nested
    class SpecialMajorityV2 {

        @Test
        @org.junit.jupiter.api.DisplayName("V4 — exactlyThreeQuartersOfAreaAndOwnersPasses")
        void exactlyThreeQuartersOfAreaAndOwnersPasses() {
            Tally tally = new Electorates().owners(3, 10_000, APPROVE).owner(10_000, REJECT).tally();

            assertThat(tally.outcome(SPECIAL_THREE_QUARTERS)).isEqualTo(APPROVED);
        }

        @Test
        @org.junit.jupiter.api.DisplayName("V4 — oneCentiSquareMetreShortOfThreeQuartersFails")
        void oneCentiSquareMetreShortOfThreeQuartersFails() {
            // approving 29999 of 40000 participating: 119996 < 120000
            Tally tally = new Electorates().owners(2, 10_000, APPROVE).owner(9_999, APPROVE).owner(10_001, REJECT).tally();

            assertThat(tally.outcome(SPECIAL_THREE_QUARTERS)).isEqualTo(REJECTED);
            assertThat(tally.outcome(ORDINARY_MAJORITY)).as("the same ballots pass an ordinary matter").isEqualTo(APPROVED);
        }

        @Test
        void threeQuartersOfOwnersButNotOfAreaFails() {
            Tally tally = new Electorates().owners(3, 10_000, APPROVE).owner(10_001, REJECT).tally();

            assertThat(tally.outcome(SPECIAL_THREE_QUARTERS)).isEqualTo(REJECTED);
        }

        @Test
        void threeQuartersOfAreaButNotOfOwnersFails() {
            Tally tally = new Electorates().owner(30_000, APPROVE).owner(5_000, APPROVE).owners(2, 2_500, REJECT).tally();

            assertThat(tally.approvingArea() * 4).isGreaterThanOrEqualTo(tally.participatingArea() * 3);
            assertThat(tally.outcome(SPECIAL_THREE_QUARTERS)).isEqualTo(REJECTED);
        }

        @Test
        void mattersThatRaiseTheFundRebuildOrUseCommonPartsNeedTheSpecialMajority() {
            assertThat(List.of(Matter.RAISE_MAINTENANCE_FUND, Matter.REBUILD, Matter.CHANGE_USE_OF_COMMON_PARTS,
                    Matter.COMMERCIAL_USE_OF_COMMON_PARTS)).allMatch(m -> m.threshold() == SPECIAL_THREE_QUARTERS);
            assertThat(List.of(Matter.USE_MAINTENANCE_FUND, Matter.HIRE_OR_DISMISS_MANAGER, Matter.OWNERS_RULES, Matter.ELECT_COMMITTEE,
                    Matter.ANNUAL_BUDGET)).allMatch(m -> m.threshold() == ORDINARY_MAJORITY);
        }
    }

    @Nested
    class AbstentionsAndNonVotersV6 {

        @Test
        void abstentionTakesPartButDoesNotApprove() {
            Tally tally = new Electorates().owner(10_000, APPROVE).owner(10_000, ABSTAIN).owner(10_000, null).tally();

            assertThat(tally.quorumMet()).as("the abstainer counts towards 2/3").isTrue();
            assertThat(tally.outcome(ORDINARY_MAJORITY)).as("1 approval of 2 participants is only half").isEqualTo(REJECTED);
        }

        @Test
        void ownersWhoDoNotVoteDoNotApproveByDefault() {
            Tally tally = new Electorates().owners(2, 10_000, APPROVE).owners(2, 10_000, null).tally();

            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(NO_QUORUM);
        }

        @Test
        void whereTheCommunitysRulesSaySoOwnersWhoDoNotVoteCountAsApproving() {
            Tally tally = new Electorates().owners(2, 10_000, APPROVE).owner(10_000, REJECT).owners(2, 10_000, null).tallyWithNonVotersApproving();

            assertThat(tally.approvingOwners()).isEqualTo(4);
            assertThat(tally.outcome(ORDINARY_MAJORITY)).isEqualTo(APPROVED);
        }
    }

    @Nested
    class CountingOwnersV5 {

        private final UUID developer = UUID.randomUUID();
        private final UUID buyer = UUID.randomUUID();

        @Test
        void developersUnsoldUnitsCountAsOneOwnerWithTheirTotalArea() {
            Electorate electorate = Electorate.of(List.of(holding(developer, "DEVELOPER", 5_000), holding(developer, "DEVELOPER", 6_000),
                    holding(developer, "DEVELOPER", 7_000), holding(UUID.randomUUID(), "PERSON", 8_000)));

            assertThat(electorate.totalOwners()).isEqualTo(2);
            assertThat(electorate.voters().getFirst().areaCentiSquareMetres()).isEqualTo(18_000);
            assertThat(electorate.voters().getFirst().units()).isEqualTo(3);
        }

        @Test
        void aBuyerOfSeveralUnitsVotesOnceWithAllTheirArea() {
            Electorate electorate = Electorate.of(List.of(holding(buyer, "PERSON", 9_000), holding(buyer, "PERSON", 4_500),
                    holding(UUID.randomUUID(), "PERSON", 9_000)));
            Tally tally = Tally.count(electorate, java.util.Map.of(buyer, APPROVE), false);

            assertThat(tally.approvingOwners()).isEqualTo(1);
            assertThat(tally.approvingArea()).isEqualTo(13_500);
            assertThat(tally.totalOwners()).isEqualTo(2);
        }

        @Test
        void anElectorateWithoutUnitsCannotVote() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Electorate.of(List.of()))
                    .isInstanceOf(ResolutionRuleViolation.class).hasMessageContaining("nobody to vote");
        }

        private Electorate.Holding holding(UUID owner, String kind, long area) {
            return new Electorate.Holding(UUID.randomUUID(), owner, kind, kind.equals("DEVELOPER") ? "开发商" : "业主", area);
        }
    }
}
