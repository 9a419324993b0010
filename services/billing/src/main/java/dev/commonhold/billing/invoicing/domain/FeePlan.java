package dev.commonhold.billing.invoicing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A community's property-fee plan (rule P1): prices per unit use with effective dates, the cycle,
 * the due-date rule (days after the period starts) and the late-fee rule (P4).
 */
public record FeePlan(String name, BillingCycle cycle, int dueDays, LateFee lateFee, List<UnitPrice> prices) {

    public FeePlan {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BillingRuleViolation("name", "is required (at most 100 characters)", null);
        }
        if (dueDays < 0 || dueDays > 90) {
            throw new BillingRuleViolation("dueDays", "must be 0 to 90 days after the period starts", null);
        }
        if (prices.isEmpty()) {
            throw new BillingRuleViolation("prices", "at least one price is needed", null);
        }
        long distinct = prices.stream().map(p -> p.use() + "@" + p.effectiveFrom()).distinct().count();
        if (distinct != prices.size()) {
            throw new BillingRuleViolation("prices", "two prices for the same use from the same date", null);
        }
        prices = List.copyOf(prices);
    }

    public Map<String, List<UnitPrice>> pricesByUse() {
        return prices.stream().collect(Collectors.groupingBy(UnitPrice::use));
    }

    public LocalDate dueOn(Period period) {
        return period.start().plusDays(dueDays);
    }
}
