package dev.commonhold.franchise.oversight.domain;

import java.util.Map;

/**
 * A compliance finding for the regulator: what is wrong, how serious, the clause or rule it breaks and the
 * evidence (charge ids, amounts, the report) that shows it.
 *
 * @param code     stable kind: overcharge, unpaid-share, return-over-cap-unshared, kpi-miss, late-report,
 *                 investment-shortfall, under-reported-revenue, data-gap
 * @param clause   the agreement's clause (tariffCaps[0], revenueShare, kpis.complaint_response…) and/or the rule (FR2…)
 * @param evidence named facts, amounts in fen, ids to look up
 */
public record Finding(Severity severity, String code, String clause, String summary, Map<String, Object> evidence) {

    /** critical: money taken or kept that is not the operator's; major: a promise not kept; minor: data missing or inconsistent. */
    public enum Severity {
        CRITICAL, MAJOR, MINOR
    }

    public Finding {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
