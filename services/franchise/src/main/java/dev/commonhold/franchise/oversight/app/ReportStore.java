package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.oversight.domain.OperatorReport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The operator's yearly reports (a correction is a new version) and the regulators' evaluations. */
public interface ReportStore {

    /** Stores a new version of the year's report; the first version's time stays the submission time. */
    OperatorReport submit(UUID agreementId, OperatorReport report, String by);

    /** Each year's latest version, the first submission's time as its time. */
    List<OperatorReport> reports(UUID agreementId);

    record Evaluation(UUID id, UUID agreementId, int year, String verdict, String notes, String evaluatedBy, String jurisdiction, Instant evaluatedAt) {
    }

    void evaluate(Evaluation evaluation);

    List<Evaluation> evaluations(UUID agreementId);
}
