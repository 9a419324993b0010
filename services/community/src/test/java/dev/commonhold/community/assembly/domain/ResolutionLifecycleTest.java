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
    void everyOtherMatterIsTheWholeCommunitysV7() {
        Resolution.Scope building1 = new Resolution.Scope(Resolution.Scope.Kind.BUILDINGS, List.of(UUID.randomUUID()));

        assertThatThrownBy(() -> draft(Matter.COMMERCIAL_USE_OF_COMMON_PARTS, building1))
                .isInstanceOfSatisfying(ResolutionRuleViolation.class, e -> assertThat(e.field()).isEqualTo("electorate.scope"))
                .hasMessageContaining("rule V7");
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
    void committeeMayCloseEarlyOnceTheOutstandingBallotsCannotChangeTheOutcome() {
        // 8 of 10 approved: even if the last 2 reject, 8/10 approve with everyone taking part
        Electorates owners = new Electorates().owners(8, 10_000, Choice.APPROVE).owners(2, 10_000, null);

        Resolution.Decision decision = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false).close(owners.electorate(), owners.ballots(), NOW.plusSeconds(60));

        assertThat(decision.resolution().outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void committeeMayNotCloseEarlyWhileTheOutstandingBallotsCouldStillDecide() {
        // 5 of 10 approved: with the other 5 it could pass, without them there is no quorum
        Electorates owners = new Electorates().owners(5, 10_000, Choice.APPROVE).owners(5, 10_000, null);
        Resolution open = draft(Matter.ANNUAL_BUDGET, WHOLE).open(NOW, false);

        assertThatThrownBy(() -> open.close(owners.electorate(), owners.ballots(), NOW.plusSeconds(60)))
                .isInstanceOf(ResolutionRuleViolation.class).hasMessageContaining("can still change");
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
