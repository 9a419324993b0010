package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.app.Agreements;
import dev.commonhold.franchise.agreements.domain.Fen;
import dev.commonhold.franchise.agreements.domain.Kpi;
import dev.commonhold.franchise.oversight.domain.OperatorReport;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The operator's yearly report (FR4) and the regulator's evaluation of it. */
@Service
public class Reporting {

    private static final Set<String> VERDICTS = Set.of("SATISFACTORY", "NEEDS_IMPROVEMENT", "UNSATISFACTORY");

    private final Agreements agreements;
    private final ReportStore reports;
    private final Clock clock;

    Reporting(Agreements agreements, ReportStore reports, Clock clock) {
        this.agreements = agreements;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param kpiActuals by KPI code: every code must be one of the agreement's, a standard left out is a data gap
     */
    @Transactional
    public OperatorReport submit(Viewer viewer, UUID agreementId, int year, long revenueFen, long costsFen, long investedFen, Map<String, Long> kpiActuals) {
        AgreementStore.Recorded recorded = agreements.readable(viewer, agreementId);
        agreements.seat(viewer, recorded).requireOperatorAdmin();
        Instant now = clock.instant();
        int first = recorded.agreement().terms().term().startsOn().getYear();
        int current = now.atZone(ZoneId.of("Asia/Shanghai")).getYear();
        if (year < first || year > current) {
            throw ProblemException.invalid("year", "a year of the term up to this one: %d to %d".formatted(first, current));
        }
        requireFen("revenueFen", revenueFen);
        requireFen("costsFen", costsFen);
        requireFen("investedFen", investedFen);
        Map<String, Long> actuals = kpiActuals == null ? Map.of() : kpiActuals;
        List<String> codes = recorded.agreement().terms().kpis().stream().map(Kpi::code).toList();
        for (Map.Entry<String, Long> actual : actuals.entrySet()) {
            if (!codes.contains(actual.getKey())) {
                throw ProblemException.invalid("kpiActuals." + actual.getKey(), "not a service standard of this agreement; its standards are " + codes);
            }
            if (actual.getValue() == null || actual.getValue() < 0) {
                throw ProblemException.invalid("kpiActuals." + actual.getKey(), "must be a number of 0 or more, in the standard's unit");
            }
        }
        return reports.submit(agreementId, new OperatorReport(year, revenueFen, costsFen, investedFen, actuals, now), viewer.username());
    }

    private static void requireFen(String field, long fen) {
        if (fen < 0 || fen > Fen.MAX) {
            throw ProblemException.invalid(field, "0 to " + Fen.MAX + " fen");
        }
    }

    public List<OperatorReport> reports(Viewer viewer, UUID agreementId) {
        agreements.seat(viewer, agreements.readable(viewer, agreementId)).requireOversight();
        return reports.reports(agreementId);
    }

    @Transactional
    public ReportStore.Evaluation evaluate(Viewer viewer, UUID agreementId, int year, String verdict, String notes) {
        AgreementStore.Recorded recorded = agreements.readable(viewer, agreementId);
        agreements.seat(viewer, recorded).requireRegulator();
        int first = recorded.agreement().terms().term().startsOn().getYear();
        int last = Math.min(clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getYear(), recorded.agreement().terms().term().endsOn().getYear());
        if (year < first || year > last) {
            throw ProblemException.invalid("year", first > last ? "the term starts in %d: nothing to evaluate yet".formatted(first)
                    : "a year of the term up to this one: %d to %d".formatted(first, last));
        }
        if (verdict == null || !VERDICTS.contains(verdict)) {
            throw ProblemException.invalid("verdict", "one of " + VERDICTS);
        }
        if (notes == null || notes.isBlank() || notes.length() > 4_000) {
            throw ProblemException.invalid("notes", "say what was found, at most 4000 characters");
        }
        ReportStore.Evaluation evaluation = new ReportStore.Evaluation(Ids.newId(), agreementId, year, verdict, notes.strip(), viewer.username(),
                recorded.agreement().terms().jurisdiction(), clock.instant());
        reports.evaluate(evaluation);
        return evaluation;
    }

    public List<ReportStore.Evaluation> evaluations(Viewer viewer, UUID agreementId) {
        agreements.seat(viewer, agreements.readable(viewer, agreementId)).requireOversight();
        return reports.evaluations(agreementId);
    }
}
