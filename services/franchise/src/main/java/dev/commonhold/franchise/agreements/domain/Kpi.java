package dev.commonhold.franchise.agreements.domain;

/**
 * A service standard (服务标准) with its target: e.g. complaints answered within 24 hours, 9,500 basis points
 * (95%), weight 30, a 20,000.00 yuan penalty when missed.
 *
 * @param code           short and stable, the operator reports against it
 * @param target         in the KPI's unit (basis points for a rate, minutes for a time…)
 * @param higherIsBetter a rate (true) or a time or a count of failures (false)
 * @param weight         its part of the score, 1–100
 * @param penaltyFen     owed when missed, in fen (0: none)
 */
public record Kpi(String code, String name, long target, boolean higherIsBetter, int weight, long penaltyFen) {

    public Kpi {
        if (code == null || !code.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new InvalidTerms("code", "2–40 lower-case letters, digits or _ (e.g. complaint_response)");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidTerms("name", "is required");
        }
        if (target < 0) {
            throw new InvalidTerms("target", "must not be negative");
        }
        if (weight < 1 || weight > 100) {
            throw new InvalidTerms("weight", "must be 1 to 100");
        }
        Fen.require("penaltyFen", penaltyFen, false);
    }

    /** Whether the actual value meets the target. */
    public boolean metBy(long actual) {
        return higherIsBetter ? actual >= target : actual <= target;
    }

    /** How much of the weight the actual value earns, in basis points of the weight (10,000 when met). */
    public long earnedBasisPoints(long actual) {
        if (metBy(actual)) {
            return 10_000;
        }
        if (higherIsBetter) {
            return target == 0 ? 10_000 : Math.max(0, actual) * 10_000 / target;
        }
        return actual <= 0 ? 10_000 : target * 10_000 / actual;
    }
}
