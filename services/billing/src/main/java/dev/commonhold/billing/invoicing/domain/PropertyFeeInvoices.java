package dev.commonhold.billing.invoicing.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a fee plan and a period into property-fee invoices, one per unit (rule P1). The rate of
 * each use is computed once per period; a unit whose use has no price, or whose fee is 0, gets no
 * invoice and is counted as such.
 */
public final class PropertyFeeInvoices {

    /** What a unit needs to be billed. */
    public record Billable(UUID unitId, UUID communityId, String reference, String ownerName, long areaCentiM2, String use) {
    }

    private final FeePlan plan;
    private final Period period;
    private final Map<String, PropertyFee.Rate> rates = new HashMap<>();

    public PropertyFeeInvoices(FeePlan plan, Period period) {
        this.plan = plan;
        this.period = period;
        plan.pricesByUse().forEach((use, prices) -> rates.put(use, PropertyFee.rate(period, prices)));
    }

    /** @return the invoice, or null when no price applies to this unit's use in the period */
    public NewInvoice invoiceFor(Billable unit, LocalDate issuedOn, UUID billingRunId, Supplier<UUID> ids, Supplier<String> numbers) {
        PropertyFee.Rate rate = rates.get(unit.use());
        long fee = rate == null ? 0 : rate.feeFor(unit.areaCentiM2());
        if (fee == 0) {
            return null;
        }
        UUID lineId = ids.get();
        LocalDate dueOn = plan.dueOn(period);
        NewInvoice.Line line = new NewInvoice.Line(lineId, lineId, "property_fee", null, fee, dueOn, description(unit), null);
        return new NewInvoice(ids.get(), numbers.get(), unit.communityId(), Payer.unit(unit.unitId(), unit.reference(), unit.ownerName()),
                period.start(), period.end(), issuedOn, dueOn, billingRunId, List.of(line), months());
    }

    /** The exact fee per 0.01 m² of each unit use that has a price (set-based runs compute area × rate in SQL, rounded the same way). */
    public Map<String, PropertyFee.Rate> rates() {
        return Map.copyOf(rates);
    }

    public Period period() {
        return period;
    }

    public LocalDate dueOn() {
        return plan.dueOn(period);
    }

    /** "2026年12月" or "2026年12月–2027年2月": what a line's description says was billed. */
    public String periodText() {
        YearMonth first = period.first();
        return period.months() == 1 ? "%d年%d月".formatted(first.getYear(), first.getMonthValue())
                : "%d年%d月–%d年%d月".formatted(first.getYear(), first.getMonthValue(), period.last().getYear(), period.last().getMonthValue());
    }

    public List<LocalDate> months() {
        List<LocalDate> months = new ArrayList<>();
        for (int m = 0; m < period.months(); m++) {
            months.add(period.first().plusMonths(m).atDay(1));
        }
        return months;
    }

    /** 物业费 2026年12月（1号楼-201，89.50 m²）; the set-based run writes the same text in SQL (JdbcBulkIssue). */
    private String description(Billable unit) {
        return "物业费 %s（%s，%s m²）".formatted(periodText(), unit.reference(), squareMetres(unit.areaCentiM2()));
    }

    private static String squareMetres(long centi) {
        return "%d.%02d".formatted(centi / 100, centi % 100);
    }
}
