package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** L3's deposit cap, simple capped late fees, and the deposit statement at a lease's end. */
class MoneyRulesTest {

    @Test
    void aDepositAtTheCapIsAllowedAndOneFenOverIsRefusedNamingL3() {
        new RentTerms(500_000, 0, 0, 1, 1_500_000, 0, 0, 0).requireDepositWithin(3, "广东省");
        assertThatThrownBy(() -> new RentTerms(500_000, 0, 0, 1, 1_500_001, 0, 0, 0).requireDepositWithin(3, "广东省"))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("L3");
                    assertThat(e.field()).isEqualTo("rent.depositFen");
                });
    }

    @Test
    void negativeRentIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new RentTerms(-1, 0, 0, 1, 0, 0, 0, 0))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("rent.monthlyRentFen"));
        assertThatThrownBy(() -> new RentTerms(100, 0, 0, 2, 0, 0, 0, 0))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("rent.billingCycleMonths"));
    }

    @Test
    void lateFeesAreSimpleRoundedHalfUpAndCapped() {
        assertThat(LateFee.of(1_000_000, 5, 20, 0)).as("paid on the due day").isZero();
        assertThat(LateFee.of(1_000_000, 5, 20, 1)).isEqualTo(500);
        assertThat(LateFee.of(1_000_000, 5, 20, 30)).as("simple, not compound").isEqualTo(15_000);
        assertThat(LateFee.of(1_000_000, 5, 20, 400)).as("20% = 200,000 fen at most").isEqualTo(200_000);
        assertThat(LateFee.of(1_001, 5, 100, 1)).as("0.5005 fen rounds up").isEqualTo(1);
        assertThat(LateFee.of(999, 5, 100, 1)).as("0.4995 fen rounds down").isZero();
    }

    @Test
    void theDepositGoesToWhatIsOwedOldestFirstAndTheRestIsRefunded() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        DepositStatement s = DepositStatement.settle(1_500_000, List.of(
                new DepositStatement.Owed(b, "PENALTY", "lease_common_part", LocalDate.of(2026, 6, 30), 1_000_000),
                new DepositStatement.Owed(a, "RENT", "lease_common_part", LocalDate.of(2026, 4, 1), 900_000)), false);
        assertThat(s.applied()).extracting(DepositStatement.Applied::chargeId).containsExactly(a, b);
        assertThat(s.applied().get(0).whole()).isTrue();
        assertThat(s.applied().get(1).amountFen()).isEqualTo(600_000);
        assertThat(s.refundDueFen()).isZero();
        assertThat(s.appliedFen() + s.refundDueFen() + s.carriedFen()).isEqualTo(s.heldFen());

        DepositStatement nothingOwed = DepositStatement.settle(1_500_000, List.of(), false);
        assertThat(nothingOwed.refundDueFen()).isEqualTo(1_500_000);
        DepositStatement renewed = DepositStatement.settle(1_500_000, List.of(new DepositStatement.Owed(a, "RENT", "x", LocalDate.MIN, 5)), true);
        assertThat(renewed.carriedFen()).isEqualTo(1_500_000);
        assertThat(renewed.applied()).isEmpty();
    }

    @Test
    void aBusinessTenantNeedsAValidCreditCode() {
        String valid = dev.commonhold.platform.ids.CreditCode.withCheckCharacter("91110105MA01ABCDE");
        assertThat(dev.commonhold.platform.ids.CreditCode.valid(valid)).isTrue();
        assertThat(dev.commonhold.platform.ids.CreditCode.valid("91350100M000100Y43")).as("a published code").isTrue();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertThat(dev.commonhold.platform.ids.CreditCode.valid(valid.substring(0, 17) + wrong)).isFalse();
        assertThatThrownBy(() -> new Tenant(Tenant.Kind.BUSINESS, "某公司", "123", null, null))
                .isInstanceOfSatisfying(LeasingRuleViolation.class, e -> assertThat(e.field()).isEqualTo("tenant.licenceNumber"));
        assertThat(new Tenant(Tenant.Kind.PERSON, "王小明", null, null, null).publicName()).isEqualTo("王**");
    }
}
