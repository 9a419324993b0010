package dev.commonhold.franchise.agreements.domain;

import dev.commonhold.franchise.oversight.domain.YearReviewTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FR5: an agreement states its scope, term, investment, tariffs, revenue share, service standards, reporting and hand-back; each refusal names the field. */
class AgreementTermsTest {

    private static final AgreementTerms VALID = YearReviewTest.jinsong(null).terms();

    private static Supplier<AgreementTerms> with(UnaryOperator<Builder> change) {
        return () -> change.apply(new Builder(VALID)).build();
    }

    @Test
    void theJinsongTermsAreWhole() {
        assertThat(VALID.coveredClasses()).containsExactly("lease_operator_space", "parking_operator");
        assertThat(VALID.investmentDueBy(LocalDate.of(2024, 6, 29))).isZero();
        assertThat(VALID.investmentDueBy(LocalDate.of(2024, 6, 30))).as("a tranche is due on its day").isEqualTo(2_000_000_000L);
    }

    @Test
    void everyClauseFr5AsksForIsRequired() {
        assertRefused(with(b -> b.assets(List.of())), "assets");
        assertRefused(with(b -> b.classes(Set.of())), "coveredClasses");
        assertRefused(with(b -> b.caps(List.of())), "tariffCaps");
        assertRefused(with(b -> b.investment(List.of())), "investment");
        assertRefused(with(b -> b.kpis(List.of())), "kpis");
        assertRefused(with(b -> b.handBack(" ")), "handBack");
        assertRefused(with(b -> b.communities(List.of())), "communities");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fund_deposit", "deposit", "merchant_proceeds", "late_fee", "franchise_revenue_share", "no_such_class"})
    void onlyRevenueAFranchiseEarnsCanBeCounted(String revenueClass) {
        assertRefused(with(b -> b.classes(Set.of("parking_operator", "lease_operator_space", revenueClass))), "coveredClasses");
    }

    @Test
    void aCapMustBeForACoveredClassAndReportingAtLeastYearlyAndEvaluationEveryTwoYears() {
        assertRefused(with(b -> b.classes(Set.of("lease_operator_space"))), "tariffCaps[0].revenueClass");
        assertThat(with(b -> b.report(12)).get().reportEveryMonths()).isEqualTo(12);
        assertRefused(with(b -> b.report(13)), "reportEveryMonths");
        assertThat(with(b -> b.evaluate(24)).get().evaluateEveryMonths()).isEqualTo(24);
        assertRefused(with(b -> b.evaluate(25)), "evaluateEveryMonths");
    }

    @Test
    void aTrancheFallsWithinTheTermAndNoListHasAHole() {
        assertRefused(with(b -> b.investment(List.of(new InvestmentTranche(LocalDate.of(2044, 1, 1), 1, "期满后")))), "investment[0].dueOn");
        assertRefused(with(b -> b.kpis(java.util.Arrays.asList(VALID.kpis().getFirst(), null))), "kpis[1]");
        assertThatThrownBy(() -> new RevenueShare(0, 2_000, java.util.Arrays.asList((RevenueShare.Band) null), 0, Payee.OWNERS))
                .isInstanceOf(InvalidTerms.class).hasFieldOrPropertyWithValue("field", "bands[0]");
        assertThatThrownBy(() -> new RevenueShare(0, 2_000, List.of(), 1_000_000_000_000_001L, Payee.OWNERS))
                .isInstanceOf(InvalidTerms.class).hasFieldOrPropertyWithValue("field", "minimumFenPerYear");
        assertThat(new RevenueShare(0, 2_000, List.of(), 1_000_000_000_000_000L, Payee.OWNERS).minimumFenPerYear()).as("exactly the most").isPositive();
    }

    /** FR2: one approved cap per service and unit on any day; a cap ending the day before the next begins is a change, not a clash. */
    @Test
    void aServiceHasOneCapPerUnitAtATime() {
        TariffCap day = VALID.tariffCaps().getFirst();
        TariffCap again = new TariffCap(day.revenueClass(), day.unit(), day.capFen() + 100, LocalDate.of(2030, 1, 1), null, "京发改〔2029〕1号");
        assertRefused(with(b -> b.caps(List.of(day, again))), "tariffCaps[1]");
        TariffCap ended = new TariffCap(day.revenueClass(), day.unit(), day.capFen(), day.validFrom(), LocalDate.of(2029, 12, 31), day.reference());
        assertThat(with(b -> b.caps(List.of(ended, again))).get().tariffCaps()).hasSize(2);
        TariffCap hourly = new TariffCap(day.revenueClass(), TariffCap.Unit.HOUR, 500, day.validFrom(), null, day.reference());
        assertThat(with(b -> b.caps(List.of(day, hourly))).get().tariffCaps()).as("another unit").hasSize(2);
    }

    @Test
    void aCommunityOnceAndAValidCreditCode() {
        UUID one = VALID.communities().getFirst();
        assertRefused(with(b -> b.communities(List.of(one, one))), "communities");
        String code = VALID.operatorCreditCode();
        assertRefused(with(b -> b.creditCode(code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'))), "operatorCreditCode");
    }

    private static void assertRefused(Supplier<AgreementTerms> terms, String field) {
        assertThatThrownBy(terms::get).isInstanceOf(InvalidTerms.class).extracting(e -> ((InvalidTerms) e).field()).isEqualTo(field);
    }

    /** The valid terms with one clause changed. */
    private record Builder(AgreementTerms t, List<UUID> communities, List<Asset> assets, Set<String> classes, List<TariffCap> caps,
                           List<InvestmentTranche> investment, List<Kpi> kpis, int report, int evaluate, String handBack, String creditCode) {
        Builder(AgreementTerms t) {
            this(t, t.communities(), t.assets(), t.coveredClasses(), t.tariffCaps(), t.investment(), t.kpis(), t.reportEveryMonths(),
                    t.evaluateEveryMonths(), t.handBack(), t.operatorCreditCode());
        }

        Builder communities(List<UUID> v) { return new Builder(t, v, assets, classes, caps, investment, kpis, report, evaluate, handBack, creditCode); }
        Builder assets(List<Asset> v) { return new Builder(t, communities, v, classes, caps, investment, kpis, report, evaluate, handBack, creditCode); }
        Builder classes(Set<String> v) { return new Builder(t, communities, assets, v, caps, investment, kpis, report, evaluate, handBack, creditCode); }
        Builder caps(List<TariffCap> v) { return new Builder(t, communities, assets, classes, v, investment, kpis, report, evaluate, handBack, creditCode); }
        Builder investment(List<InvestmentTranche> v) { return new Builder(t, communities, assets, classes, caps, v, kpis, report, evaluate, handBack, creditCode); }
        Builder kpis(List<Kpi> v) { return new Builder(t, communities, assets, classes, caps, investment, v, report, evaluate, handBack, creditCode); }
        Builder report(int v) { return new Builder(t, communities, assets, classes, caps, investment, kpis, v, evaluate, handBack, creditCode); }
        Builder evaluate(int v) { return new Builder(t, communities, assets, classes, caps, investment, kpis, report, v, handBack, creditCode); }
        Builder handBack(String v) { return new Builder(t, communities, assets, classes, caps, investment, kpis, report, evaluate, v, creditCode); }
        Builder creditCode(String v) { return new Builder(t, communities, assets, classes, caps, investment, kpis, report, evaluate, handBack, v); }

        AgreementTerms build() {
            return new AgreementTerms(t.title(), t.operatorName(), creditCode, t.jurisdiction(), communities, assets, classes, t.term(), caps,
                    t.revenueShare(), t.returnCap(), investment, kpis, report, evaluate, handBack);
        }
    }
}
