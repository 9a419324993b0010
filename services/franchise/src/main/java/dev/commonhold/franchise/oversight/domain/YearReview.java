package dev.commonhold.franchise.oversight.domain;

import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.Kpi;
import dev.commonhold.franchise.agreements.domain.ReturnCap;
import dev.commonhold.franchise.agreements.domain.RevenueShare;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One agreement's oversight for one year (FR4: the operator reports yearly), computed from the ledger, not
 * from the operator's spreadsheet: the covered revenue billing settled, the share owed on it against the
 * share paid, the return to date against the cap (FR3) and the excess to share back, the investment made
 * against the tranches due, the service-standard score, and the findings. All amounts in fen.
 *
 * <p>The year's fixed fee, minimum guarantee, excess share and penalties fall due when the year has closed;
 * the whole is payable by {@link #DUE} of the next year — the day the yearly report is due too.
 *
 * @param ledgerRevenueFen   by revenue class: settled less reversed in the year, covered classes and communities
 * @param reportedRevenueFen the operator's figure, null before it reports
 * @param returnToDate       the project IRR of the yearly flows so far (or the year's ROIC under that metric), null when not defined
 * @param paybackYear        the first year the cumulative flows were no longer negative, null before it
 * @param kpiScoreBasisPoints weighted score, 0–10,000; null before the report
 */
public record YearReview(int year, LocalDate asOf, boolean closed, Map<String, Long> ledgerRevenueFen, long grossFen, Long reportedRevenueFen,
                         RevenueShare.Owed shareOwed, ReturnCap.Excess excess, long penaltiesFen, long obligationFen, long paidFen,
                         long outstandingFen, Double returnToDate, Integer paybackYear, long capitalFen, long investmentDueFen,
                         Integer kpiScoreBasisPoints, List<Finding> findings) {

    /** The yearly report and the year's share are due by this day of the next year. */
    public static final MonthDay DUE = MonthDay.of(3, 31);

    /**
     * @param reports      the operator's reports, any years (earlier ones give the cash flows and the capital)
     * @param paidFen      what billing settled on the year's share charges
     * @param overcharges  the year's charges above a cap
     */
    public static YearReview of(Agreement agreement, int year, LocalDate asOf, Map<String, Long> ledgerRevenueFen, List<OperatorReport> reports,
                                long paidFen, List<Overcharge> overcharges) {
        boolean closed = asOf.getYear() > year;
        LocalDate due = DUE.atYear(year + 1);
        long gross = ledgerRevenueFen.values().stream().mapToLong(Long::longValue).sum();
        OperatorReport report = reports.stream().filter(r -> r.year() == year).findFirst().orElse(null);
        Flows flows = Flows.of(agreement.terms().term().startsOn().getYear(), year, reports, gross, report);

        RevenueShare.Owed owed = agreement.terms().revenueShare().owed(gross, closed);
        ReturnCap cap = agreement.terms().returnCap();
        Double returnToDate = returnToDate(cap, flows, report, gross);
        ReturnCap.Excess excess = cap == null || !closed || report == null || (cap.metric() == ReturnCap.Metric.IRR
                && (returnToDate == null || returnToDate * 10_000 <= cap.capBasisPoints()))
                ? new ReturnCap.Excess(0, 0, 0) : cap.excess(gross - report.costsFen(), flows.capitalFen());
        Integer score = report == null ? null : score(agreement.terms().kpis(), report);
        long penalties = closed && report != null ? agreement.terms().kpis().stream()
                .filter(k -> report.kpiActuals().containsKey(k.code()) && !k.metBy(report.kpiActuals().get(k.code()))).mapToLong(Kpi::penaltyFen).sum() : 0;
        long obligation = owed.totalFen() + excess.shareDueFen() + penalties;
        long investmentDue = agreement.terms().investmentDueBy(asOf);

        List<Finding> findings = new ArrayList<>();
        overcharges.forEach(o -> findings.add(new Finding(Finding.Severity.CRITICAL, "overcharge", "tariffCaps[%d] (%s); FR2".formatted(o.capIndex(),
                o.capReference()), "a %s charge of %s yuan where the approved cap allows %s".formatted(o.revenueClass(), yuan(o.amountFen()), yuan(o.mostFen())),
                evidence("chargeId", o.chargeId(), "sourceReference", o.sourceReference(), "servedTo", o.servedTo().toString(), "amountFen", o.amountFen(),
                        "mostFen", o.mostFen(), "overFen", o.amountFen() - o.mostFen()))));
        if (closed && asOf.isAfter(due) && paidFen < obligation) {
            findings.add(new Finding(Finding.Severity.CRITICAL, excess.shareDueFen() > 0 && paidFen < owed.totalFen() + excess.shareDueFen()
                    ? "return-over-cap-unshared" : "unpaid-share", excess.shareDueFen() > 0 ? "revenueShare; returnCap; FR3" : "revenueShare",
                    "%s yuan of the %d share is unpaid after %s".formatted(yuan(obligation - paidFen), year, due),
                    evidence("owedFen", owed.totalFen(), "excessShareFen", excess.shareDueFen(), "penaltiesFen", penalties, "paidFen", paidFen,
                            "outstandingFen", obligation - paidFen)));
        }
        lateOrMissingReport(year, asOf, due, report, findings);
        if (report != null) {
            reportAgainstLedger(report, gross, findings);
            kpiMisses(agreement.terms().kpis(), report, findings);
        }
        if (flows.capitalFen() < investmentDue) {
            findings.add(new Finding(Finding.Severity.MAJOR, "investment-shortfall", "investment", "%s yuan invested of %s yuan due by %s".formatted(
                    yuan(flows.capitalFen()), yuan(investmentDue), asOf), evidence("investedFen", flows.capitalFen(), "dueFen", investmentDue,
                    "shortfallFen", investmentDue - flows.capitalFen())));
        }
        return new YearReview(year, asOf, closed, Map.copyOf(ledgerRevenueFen), gross, report == null ? null : report.revenueFen(), owed, excess,
                penalties, obligation, paidFen, Math.max(0, obligation - paidFen), returnToDate, flows.paybackYear(), flows.capitalFen(), investmentDue,
                score, List.copyOf(findings));
    }

    private static Double returnToDate(ReturnCap cap, Flows flows, OperatorReport report, long gross) {
        if (cap != null && cap.metric() == ReturnCap.Metric.ROIC) {
            return report == null || flows.capitalFen() == 0 ? null : (double) (gross - report.costsFen()) / flows.capitalFen();
        }
        OptionalDouble irr = Irr.of(flows.yearly());
        return irr.isPresent() ? irr.getAsDouble() : null;
    }

    private static void lateOrMissingReport(int year, LocalDate asOf, LocalDate due, OperatorReport report, List<Finding> findings) {
        if (report == null && asOf.isAfter(due)) {
            findings.add(new Finding(Finding.Severity.MAJOR, "late-report", "reportEveryMonths; FR4", "no report for %d, due by %s".formatted(year, due),
                    evidence("dueOn", due.toString())));
        } else if (report != null && report.submittedAt().atZone(java.time.ZoneOffset.ofHours(8)).toLocalDate().isAfter(due)) {
            findings.add(new Finding(Finding.Severity.MAJOR, "late-report", "reportEveryMonths; FR4", "the %d report came after %s".formatted(year, due),
                    evidence("dueOn", due.toString(), "submittedAt", report.submittedAt().toString())));
        }
    }

    private static void reportAgainstLedger(OperatorReport report, long gross, List<Finding> findings) {
        if (report.revenueFen() < gross) {
            findings.add(new Finding(Finding.Severity.MAJOR, "under-reported-revenue", "revenueShare", "the operator reported %s yuan; the ledger settled %s yuan"
                    .formatted(yuan(report.revenueFen()), yuan(gross)), evidence("reportedFen", report.revenueFen(), "ledgerFen", gross,
                    "differenceFen", gross - report.revenueFen())));
        } else if (report.revenueFen() > gross) {
            findings.add(new Finding(Finding.Severity.MINOR, "data-gap", "revenueShare", "the operator reported %s yuan the ledger does not show"
                    .formatted(yuan(report.revenueFen() - gross)), evidence("reportedFen", report.revenueFen(), "ledgerFen", gross)));
        }
    }

    private static void kpiMisses(List<Kpi> kpis, OperatorReport report, List<Finding> findings) {
        for (Kpi kpi : kpis) {
            Long actual = report.kpiActuals().get(kpi.code());
            if (actual == null) {
                findings.add(new Finding(Finding.Severity.MINOR, "data-gap", "kpis." + kpi.code(), kpi.name() + ": not reported", evidence("kpi", kpi.code())));
            } else if (!kpi.metBy(actual)) {
                findings.add(new Finding(Finding.Severity.MAJOR, "kpi-miss", "kpis." + kpi.code(), "%s: %d against a target of %d".formatted(kpi.name(), actual,
                        kpi.target()), evidence("kpi", kpi.code(), "actual", actual, "target", kpi.target(), "penaltyFen", kpi.penaltyFen())));
            }
        }
    }

    /** Σ weight × earned / Σ weight, in basis points; a KPI not reported earns nothing. */
    static int score(List<Kpi> kpis, OperatorReport report) {
        long weights = kpis.stream().mapToLong(Kpi::weight).sum();
        long earned = kpis.stream().mapToLong(k -> report.kpiActuals().containsKey(k.code()) ? k.weight() * k.earnedBasisPoints(report.kpiActuals().get(k.code())) : 0)
                .sum();
        return weights == 0 ? 0 : (int) (earned / weights);
    }

    private static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String yuan(long fen) {
        return dev.commonhold.platform.money.Money.yuan(fen);
    }

    /** The yearly cash flows from the term's first year to the reviewed one, and what they add up to. */
    record Flows(long[] yearly, long capitalFen, Integer paybackYear) {

        /** Each year: revenue − costs − investment; the reviewed year's revenue is the ledger's. */
        static Flows of(int firstYear, int year, List<OperatorReport> reports, long ledgerGross, OperatorReport current) {
            int years = Math.max(1, year - firstYear + 1);
            long[] flows = new long[years];
            long capital = 0;
            for (OperatorReport r : reports) {
                if (r.year() >= firstYear && r.year() <= year) {
                    long revenue = r.year() == year ? ledgerGross : r.revenueFen();
                    flows[r.year() - firstYear] = revenue - r.costsFen() - r.investedFen();
                    capital += r.investedFen();
                }
            }
            if (current == null && year >= firstYear) {
                flows[years - 1] = ledgerGross;
            }
            Integer payback = null;
            long cumulative = 0;
            boolean invested = false;
            for (int t = 0; t < years; t++) {
                cumulative += flows[t];
                invested |= flows[t] < 0;
                if (invested && cumulative >= 0 && payback == null) {
                    payback = firstYear + t;
                }
            }
            return new Flows(flows, capital, payback);
        }
    }
}
