package dev.commonhold.franchise.oversight.domain;

import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.AgreementTerms;
import dev.commonhold.franchise.agreements.domain.Asset;
import dev.commonhold.franchise.agreements.domain.InvestmentTranche;
import dev.commonhold.franchise.agreements.domain.Kpi;
import dev.commonhold.franchise.agreements.domain.Payee;
import dev.commonhold.franchise.agreements.domain.ReturnCap;
import dev.commonhold.franchise.agreements.domain.RevenueShare;
import dev.commonhold.franchise.agreements.domain.TariffCap;
import dev.commonhold.franchise.agreements.domain.Term;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A Jinsong-style franchise (FR6) reviewed for a year: the share owed and paid, the cap, the tranches, the standards, the findings. */
public class YearReviewTest {

    /** Shared with AgreementTermsTest: the valid terms every refusal there changes one clause of. */
    public static Agreement jinsong(ReturnCap cap) {
        return new Agreement(UUID.randomUUID(), 1, LocalDate.of(2024, 1, 1), null, new AgreementTerms("劲松北社区停车及闲置空间特许经营",
                "愿景明德（北京）控股集团有限公司", dev.commonhold.platform.ids.CreditCode.withCheckCharacter("91110105MA01EXAMP"), "110105", List.of(UUID.randomUUID()), List.of(new Asset(Asset.Kind.PARKING_SPACES, 300, "地面停车位"),
                new Asset(Asset.Kind.IDLE_ROOM_CENTI_M2, 160_000, "闲置空间 1,600 m²")), Set.of("parking_operator", "lease_operator_space"),
                new Term(LocalDate.of(2024, 1, 1), LocalDate.of(2043, 12, 31)),
                List.of(new TariffCap("parking_operator", TariffCap.Unit.DAY, 3_000, LocalDate.of(2024, 1, 1), null, "京发改〔2024〕12号")),
                new RevenueShare(0, 2_000, List.of(), 0, Payee.OWNERS), cap,
                List.of(new InvestmentTranche(LocalDate.of(2024, 6, 30), 2_000_000_000L, "改造一期"),
                        new InvestmentTranche(LocalDate.of(2025, 12, 31), 1_000_000_000L, "改造二期")),
                List.of(new Kpi("complaint_response", "投诉24小时内响应率", 9_500, true, 60, 2_000_000),
                        new Kpi("barrier_faults", "道闸故障次数（年）", 12, false, 40, 0)), 12, 24, "期满无偿移交，设施完好率不低于90%"));
    }

    private final Agreement agreement = jinsong(null);

    @Test
    void aYearInProgressOwesTwentyPercentOfWhatWasSettledAndFindsTheOverchargeWithItsEvidence() {
        Overcharge over = Overcharge.check(agreement, "c-1", "parking_operator", "parking:session:s-1", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1), 4_500).orElseThrow();

        YearReview review = YearReview.of(agreement, 2026, LocalDate.of(2026, 11, 30), Map.of("parking_operator", 1_000_000L),
                List.of(report(2024, 0, 0, 2_000_000_000L), report(2025, 0, 0, 1_000_000_000L)), 0, List.of(over));

        assertThat(review.shareOwed().totalFen()).isEqualTo(200_000);
        assertThat(review.outstandingFen()).isEqualTo(200_000);
        assertThat(review.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
            assertThat(f.clause()).contains("tariffCaps[0]").contains("京发改〔2024〕12号").contains("FR2");
            assertThat(f.evidence()).containsEntry("chargeId", "c-1").containsEntry("mostFen", 3_000L).containsEntry("overFen", 1_500L);
        });
    }

    @Test
    void aVisitOfTwoDaysMayCostTwoDailyCapsAndOneFenMoreIsAnOvercharge() {
        LocalDate day = LocalDate.of(2026, 3, 1);

        assertThat(Overcharge.check(agreement, "c", "parking_operator", "s", day, day.plusDays(1), 6_000)).isEmpty();
        assertThat(Overcharge.check(agreement, "c", "parking_operator", "s", day, day.plusDays(1), 6_001)).isPresent();
        assertThat(Overcharge.check(agreement, "c", "lease_operator_space", "s", day, day, 999_999)).as("no cap bounds it by itself").isEmpty();
    }

    @Test
    void afterTheDueDayAnUnpaidShareAMissedStandardALateReportAndAShortfallAreFindings() {
        YearReview review = YearReview.of(agreement, 2025, LocalDate.of(2026, 4, 1), Map.of("parking_operator", 50_000_000L),
                List.of(report(2024, 0, 0, 1_500_000_000L), new OperatorReport(2025, 40_000_000, 10_000_000, 1_000_000_000L,
                        Map.of("complaint_response", 9_000L, "barrier_faults", 3L), Instant.parse("2026-04-01T02:00:00Z"))), 5_000_000, List.of());

        assertThat(review.shareOwed().totalFen()).isEqualTo(10_000_000);
        assertThat(review.penaltiesFen()).isEqualTo(2_000_000);
        assertThat(review.outstandingFen()).isEqualTo(7_000_000);
        assertThat(review.findings()).extracting(Finding::code).containsExactlyInAnyOrder("unpaid-share", "late-report", "under-reported-revenue",
                "kpi-miss", "investment-shortfall");
        assertThat(review.kpiScoreBasisPoints()).as("60 × 9000/9500 + 40").isEqualTo((int) ((60L * (9_000L * 10_000 / 9_500) + 40L * 10_000) / 100));
    }

    @Test
    void onTheDueDayNothingIsLateYet() {
        YearReview review = YearReview.of(agreement, 2025, LocalDate.of(2026, 3, 31), Map.of("parking_operator", 50_000_000L),
                List.of(report(2024, 0, 0, 2_000_000_000L), report(2025, 50_000_000, 0, 1_000_000_000L)), 0, List.of());

        assertThat(review.findings()).isEmpty();
        assertThat(review.outstandingFen()).isEqualTo(10_000_000);
    }

    @Test
    void aReturnAboveTheCapSharesTheExcessAndUnpaidItIsCritical() {
        Agreement capped = jinsong(new ReturnCap(ReturnCap.Metric.ROIC, 600, List.of(new ReturnCap.ExcessBand(0, 5_000))));

        // 30,000,000.00 invested; 2,500,000.00 settled less 400,000.00 costs = 7% ⇒ 50% of 300,000.00
        YearReview review = YearReview.of(capped, 2026, LocalDate.of(2027, 4, 2), Map.of("parking_operator", 250_000_000L),
                List.of(report(2024, 0, 0, 2_000_000_000L), report(2025, 0, 0, 1_000_000_000L), report(2026, 250_000_000L, 40_000_000L, 0)), 50_000_000,
                List.of());

        assertThat(review.returnToDate()).isCloseTo(0.07, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(review.excess().shareDueFen()).isEqualTo(15_000_000);
        assertThat(review.obligationFen()).isEqualTo(50_000_000 + 15_000_000);
        assertThat(review.findings()).extracting(Finding::code).containsExactly("return-over-cap-unshared");
    }

    @Test
    void paybackIsTheFirstYearTheCumulativeFlowsAreNoLongerNegative() {
        YearReview review = YearReview.of(agreement, 2026, LocalDate.of(2026, 12, 1), Map.of("parking_operator", 100L),
                List.of(report(2024, 100, 0, 300), report(2025, 150, 0, 0), report(2026, 100, 0, 0)), 0, List.of());

        assertThat(review.paybackYear()).isEqualTo(2026);
    }

    private static OperatorReport report(int year, long revenue, long costs, long invested) {
        return new OperatorReport(year, revenue, costs, invested, Map.of("complaint_response", 9_800L, "barrier_faults", 2L),
                Instant.parse(year + 1 + "-02-01T00:00:00Z"));
    }
}
