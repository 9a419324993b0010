package dev.commonhold.community.assembly.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolutionLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant CLOSES = NOW.plus(Duration.ofDays(14));
    private static final Resolution.Scope WHOLE = new Resolution.Scope(Resolution.Scope.Kind.WHOLE_COMMUNITY, List.of());

    @Test
    void affectedOwnersMayDecideTheFundOfTheirBuildingAloneV7() {
        Resolution.Scope building1 = new Resolution.Scope(Resolution.Scope.Kind.BUILDINGS, List.of(UUID.randomUUID()));

        assertThat(draft(Matter.USE_MAINTENANCE_FUND, building1).scope()).isEqualTo(building1);
        assertThat(draft(Matter.RAISE_MAINTENANCE_FUND, building1).threshold()).isEqualTo(Threshold.SPECIAL_THREE_QUARTERS);
    }

    @Test
    void addingALiftIsDecidedByThatBuildingsOwnersWithTheSpecialMajorityV9() {
        Resolution.Scope building1 = new Resolution.Scope(Resolution.Scope.Kind.BUILDINGS, List.of(UUID.randomUUID()));

        Resolution lift = draft(Matter.ADD_LIFT, building1);

        assertThat(lift.scope()).isEqualTo(building1);
        assertThat(lift.threshold()).isEqualTo(Threshold.SPECIAL_THREE_QUARTERS);
        assertThatThrownBy(() -> draft(Matter.REBUILD, building1)).hasMessageContaining("V9");
    }

    @Test
    void everyOtherMatterIsTheWholeCommunitysV7() {
        Resolution.Scope building1 = new Resolution.Scope(Resolution.Scope.Kind.BUILDINGS, List.of(UUID.randomUUID()));

        assertThatThrownBy(() -> draft(Matter.COMMERCIAL_USE_OF_COMMON_PARTS, building1))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("electorate.scope"))
                .hasMessageContaining("V7");
    }

    @Test
    void quorumOfAnAffectedSubsetIsCountedOverThatSubsetV7() {
        // building 1: four owners, three vote; the rest of the community (not in the electorate) does not matter
        Electorates building1 = new Electorates().owners(3, 8_000, Choice.APPROVE).owner(8_000, null);

        assertThat(building1.tally().outcome(Threshold.ORDINARY_MAJORITY)).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void aWindowThatHasAlreadyClosedCannotBeDrafted() {
        assertThatThrownBy(() -> Resolution.draft(UUID.randomUUID(), UUID.randomUUID(), "屋面维修", null, Matter.USE_MAINTENANCE_FUND,
                WHOLE, List.of(), NOW, NOW)).isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("closesAt"));
    }

    @Test
    void ballotsAreAcceptedOnlyWhileOpen() {
        Resolution draft = draft(Matter.OWNERS_RULES, WHOLE);
        assertThatThrownBy(() -> draft.requireOpen(NOW)).hasMessageContaining("not opened");

        Resolution open = draft.open(NOW, false);
        open.requireOpen(CLOSES.minusSeconds(1));
        assertThatThrownBy(() -> open.requireOpen(CLOSES)).hasMessageContaining("closed");
        assertThatThrownBy(() -> open.open(NOW, false)).hasMessageContaining("only a draft");
    }

    @Test
    void closingAfterTheWindowDecidesWhateverTheCount() {
        Electorates owners = new Electorates().owners(3, 10_000, Choice.APPROVE).owners(7, 10_000, null);
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        Resolution.Decision decision = open.close(owners.electorate(), owners.ballots(), CLOSES);

        assertThat(decision.resolution().status()).isEqualTo(Resolution.Status.DECIDED);
        assertThat(decision.resolution().outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(decision.event().tally().participatingOwners()).isEqualTo(3);
    }

    @Test
    void noVoteClosesBeforeItsAnnouncedWindowEndsEvenWhenTheCountLooksSettledV10() {
        // 8 of 10 approved and both others could only reject: yet the 8 may still change their vote
        Electorates owners = new Electorates().owners(8, 10_000, Choice.APPROVE).owners(2, 10_000, null);
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        assertThatThrownBy(() -> open.close(owners.electorate(), owners.ballots(), CLOSES.minusMillis(1)))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("closesAt"))
                .hasMessageContaining("rule V10").hasMessageContaining("may not be shortened");
        assertThat(open.close(owners.electorate(), owners.ballots(), CLOSES).resolution().outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void anOwnerWhoChangesTheirVoteBeforeTheWindowEndsChangesTheOutcomeV10() {
        // issue 16, case 7: A, B, C of 100 m² each, an ordinary matter; A and B approve, then A rejects
        Voter a = new Voter(UUID.randomUUID(), "PERSON", "A", 10_000, 1);
        Voter b = new Voter(UUID.randomUUID(), "PERSON", "B", 10_000, 1);
        Voter c = new Voter(UUID.randomUUID(), "PERSON", "C", 10_000, 1);
        Electorate electorate = new Electorate(List.of(a, b, c));
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);
        java.util.Map<UUID, Choice> ballots = new java.util.HashMap<>(java.util.Map.of(a.ownerId(), Choice.APPROVE, b.ownerId(), Choice.APPROVE));

        assertThatThrownBy(() -> open.close(electorate, ballots, NOW.plusSeconds(60))).hasMessageContaining("rule V10");
        open.requireOpen(CLOSES.minusSeconds(1));
        ballots.put(a.ownerId(), Choice.REJECT);

        assertThat(open.close(electorate, ballots, CLOSES).resolution().outcome()).as("1 of 2 participating owners: exactly 1/2 fails (V3)")
                .isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theCommitteeMayExtendTheWindowWithAReasonV10() {
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        Resolution.Extension extension = open.extend(CLOSES.plus(Duration.ofDays(7)), "  春节期间，许多业主不在家  ", CLOSES.minusSeconds(1));

        assertThat(extension.previousClosesAt()).isEqualTo(CLOSES);
        assertThat(extension.resolution().closesAt()).isEqualTo(CLOSES.plus(Duration.ofDays(7)));
        assertThat(extension.resolution().status()).isEqualTo(Resolution.Status.OPEN);
        assertThat(extension.reason()).isEqualTo("春节期间，许多业主不在家");
        assertThatThrownBy(() -> extension.resolution().close(new Electorates().owners(3, 10_000, Choice.APPROVE).electorate(), java.util.Map.of(),
                CLOSES)).as("the old close no longer ends it").hasMessageContaining("rule V10");
    }

    @Test
    void aWindowIsNeverShortenedNorKeptAtTheSameCloseV10() {
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        assertThatThrownBy(() -> open.extend(CLOSES, "no change", NOW))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("closesAt")).hasMessageContaining("never shortened");
        assertThatThrownBy(() -> open.extend(CLOSES.minusSeconds(1), "shorter", NOW)).hasMessageContaining("never shortened");
        assertThatThrownBy(() -> open.extend(CLOSES.plusMillis(999), "less than a second more", NOW)).hasMessageContaining("never shortened");
        assertThat(open.extend(CLOSES.plusSeconds(1), "one second more", NOW).resolution().closesAt()).isEqualTo(CLOSES.plusSeconds(1));
    }

    @Test
    void aVoteRunsAtMostNinetyDaysExtensionsIncluded() {
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        assertThat(open.extend(NOW.plus(Duration.ofDays(90)), "最长九十天", NOW).resolution().closesAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThatThrownBy(() -> open.extend(NOW.plus(Duration.ofDays(90)).plusSeconds(1), "一秒之差", NOW)).hasMessageContaining("at most 90 days");
        assertThatThrownBy(() -> open.extend(java.time.Instant.parse("9999-12-31T23:59:59Z"), "永不结束", NOW))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("closesAt"));
        assertThatThrownBy(() -> Resolution.draft(UUID.randomUUID(), UUID.randomUUID(), "x", null, Matter.ANNUAL_BUDGET, WHOLE, List.of(),
                NOW.plus(Duration.ofDays(91)), NOW)).hasMessageContaining("at most 90 days");
    }

    @Test
    void anExtensionNeedsAReasonAndARunningWindow() {
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        assertThatThrownBy(() -> open.extend(CLOSES.plus(Duration.ofDays(1)), "   ", NOW))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> open.extend(CLOSES.plus(Duration.ofDays(1)), "x".repeat(501), NOW)).hasMessageContaining("500");
        assertThat(open.extend(CLOSES.plus(Duration.ofDays(1)), "x".repeat(500), NOW).reason()).hasSize(500);
        assertThatThrownBy(() -> open.extend(CLOSES.plus(Duration.ofDays(1)), "too late", CLOSES)).hasMessageContaining("voting has closed");
        assertThatThrownBy(() -> draft(Matter.ANNUAL_BUDGET, WHOLE).extend(CLOSES.plus(Duration.ofDays(1)), "draft", NOW))
                .hasMessageContaining("not opened");
    }

    @Test
    void documentsMustBeIdentifiedByTheirHash() {
        assertThatThrownBy(() -> new Resolution.Document("预算表.pdf", "not-a-hash"))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("documents.sha256"));
    }

    @Test
    void paperAndProxyBallotsNeedTheHashOfTheirEvidence() {
        assertThatThrownBy(() -> new Ballot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Choice.APPROVE, Ballot.Channel.PROXY,
                NOW, "committee", null)).hasMessageContaining("proxy document");
    }

    private static Resolution draft(Matter matter, Resolution.Scope scope) {
        return Resolution.draft(UUID.randomUUID(), UUID.randomUUID(), "2027 年度预算", null, matter, scope, List.of(), CLOSES, NOW);
    }
}
