package dev.commonhold.franchise.oversight.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What the operator reports for a year (FR4): the covered services' revenue as it counts it, its operating
 * costs, what it invested that year, and the actual value of each service standard.
 *
 * @param revenueFen    the operator's own figure for the covered revenue, in fen (compared with the ledger's)
 * @param costsFen      operating costs, in fen
 * @param investedFen   capital invested in the year, in fen
 * @param kpiActuals    by KPI code, in each KPI's unit
 */
public record OperatorReport(int year, long revenueFen, long costsFen, long investedFen, Map<String, Long> kpiActuals, Instant submittedAt) {

    public OperatorReport {
        kpiActuals = kpiActuals == null ? Map.of() : Map.copyOf(kpiActuals);
    }
}
