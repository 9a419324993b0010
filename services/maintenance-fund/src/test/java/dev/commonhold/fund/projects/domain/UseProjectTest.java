package dev.commonhold.fund.projects.domain;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules F5, F6, F7, V3 and V7 as a project meets them. */
class UseProjectTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    @ParameterizedTest
    @EnumSource(value = Category.class, names = {"DEVELOPER_WARRANTY", "UTILITY_DAMAGE", "LIABLE_PARTY_DAMAGE", "ROUTINE_UPKEEP", "PROPERTY_SERVICE"})
    void whatTheFundNeverPaysForIsRefusedNamingTheRuleF5(Category banned) {
        assertThatThrownBy(() -> propose(banned, UseProject.Path.NORMAL))
                .isInstanceOfSatisfying(FundRuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("F5");
                    assertThat(e.field()).isEqualTo("category");
                });
    }

    @Test
    void onlyTheCitysListedEmergenciesGoWithoutAVoteF7() {
        assertThat(propose(Category.ROOF, UseProject.Path.EMERGENCY).path()).isEqualTo(UseProject.Path.EMERGENCY);
        assertThatThrownBy(() -> propose(Category.ELECTRICAL, UseProject.Path.EMERGENCY))
                .isInstanceOfSatisfying(FundRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("F7"));
        UseProject confirmed = propose(Category.DRAINS, UseProject.Path.EMERGENCY).confirmedEmergency("committee", Instant.parse("2026-11-30T02:00:00Z"),
                LocalDate.parse("2026-11-30"));
        assertThat(confirmed.status()).isEqualTo(UseProject.Status.APPROVED);
        assertThat(confirmed.workStartsBy()).as("work within 7 days").isEqualTo(LocalDate.parse("2026-12-07"));
        assertThatThrownBy(() -> propose(Category.ROOF, UseProject.Path.NORMAL).confirmedEmergency("committee", Instant.now(), LocalDate.now()))
                .hasMessageContaining("vote");
    }

    @Test
    void theVoteMustBeTheAffectedOwnersExactlyV7AndOnUsingTheFundV3() {
        UseProject waiting = propose(Category.ROOF, UseProject.Path.NORMAL).awaiting(UUID.randomUUID());

        assertThat(waiting.decided("USE_MAINTENANCE_FUND", "APPROVED", Set.of(A, B), Set.of(A, B)).status()).isEqualTo(UseProject.Status.APPROVED);
        UseProject otherUnits = waiting.decided("USE_MAINTENANCE_FUND", "APPROVED", Set.of(A, C), Set.of(A, B));
        assertThat(otherUnits.status()).isEqualTo(UseProject.Status.REFUSED);
        assertThat(otherUnits.statusNote()).contains("rule V7").contains("1 affected units not asked").contains("1 units asked that are not affected");
        assertThat(waiting.decided("ANNUAL_BUDGET", "APPROVED", Set.of(A, B), Set.of(A, B)).statusNote()).contains("rule V3");
        assertThat(waiting.decided("USE_MAINTENANCE_FUND", "NO_QUORUM", Set.of(A, B), Set.of(A, B)).statusNote()).contains("NO_QUORUM");
    }

    @Test
    void theContractorIsNeverPaidMoreThanTheCostAndTheRetentionComesLastF6() {
        UseProject approved = propose(Category.ROOF, UseProject.Path.NORMAL).awaiting(UUID.randomUUID())
                .decided("USE_MAINTENANCE_FUND", "APPROVED", Set.of(A), Set.of(A));

        assertThat(approved.pay(UseProject.Stage.ADVANCE, 1_000_000, 0, null, false).costFen()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.ADVANCE, 1, 1_000_000, null, false)).hasMessageContaining("more than the estimate");
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.RETENTION, 1, 0, null, false)).hasMessageContaining("after the completion");
        assertThat(approved.pay(UseProject.Stage.COMPLETION, 1_100_000, 0, 1_200_000L, false).costFen()).as("the final cost").isEqualTo(1_200_000);
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.COMPLETION, 1, 0, null, false))
                .isInstanceOfSatisfying(FundRuleViolation.class, e -> assertThat(e.field()).isEqualTo("finalCostFen"));
        assertThatThrownBy(() -> propose(Category.ROOF, UseProject.Path.NORMAL).pay(UseProject.Stage.ADVANCE, 1, 0, null, false))
                .hasMessageContaining("only an approved project");
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.COMPLETION, 1, 1_000_000, 1_000_001L, true)).as("one completion")
                .hasMessageContaining("only the retention");
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.PROGRESS, 1, 900_000, null, true)).hasMessageContaining("only the retention");
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.ADVANCE, 100, 0, 5L, false))
                .isInstanceOfSatisfying(FundRuleViolation.class, e -> assertThat(e.field()).isEqualTo("finalCostFen"));
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.PROGRESS, Long.MAX_VALUE, 1, null, false)).as("no overflow")
                .isInstanceOfSatisfying(FundRuleViolation.class, e -> assertThat(e.field()).isEqualTo("amountFen"));
        assertThatThrownBy(() -> approved.pay(UseProject.Stage.PROGRESS, UseProject.MAX_FEN, 1, null, false))
                .hasMessageContaining("more than the estimate");
    }

    @Test
    void theBankPaysTheContractorDirectlySoItsAccountIsRequiredF6() {
        assertThatThrownBy(() -> UseProject.propose(UUID.randomUUID(), UUID.randomUUID(), "屋面", Category.ROOF, UseProject.Path.NORMAL, 100,
                "某某建筑公司", "not-an-account")).isInstanceOfSatisfying(FundRuleViolation.class, e -> assertThat(e.field()).isEqualTo("contractorAccount"));
    }

    private static UseProject propose(Category category, UseProject.Path path) {
        return UseProject.propose(UUID.randomUUID(), UUID.randomUUID(), "1号楼屋面防水", category, path, 1_000_000, "北京某某防水工程有限公司",
                "110060149018170012345");
    }
}
