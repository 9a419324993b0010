package dev.commonhold.billing.payments.app;

import dev.commonhold.billing.invoicing.app.FeePlanStore;
import dev.commonhold.billing.invoicing.app.InvoiceEvents;
import dev.commonhold.billing.invoicing.app.InvoiceStore;
import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.invoicing.domain.FeePlan;
import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.billing.invoicing.domain.Period;
import dev.commonhold.billing.invoicing.domain.Prepayment;
import dev.commonhold.billing.invoicing.domain.PropertyFee;
import dev.commonhold.billing.invoicing.domain.PropertyFeeInvoices;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Paying property fees in advance (预缴): the next months not yet billed are invoiced at the plan's
 * prices and settled by the payment, in one transaction. Rule P2: never more than 12 months beyond
 * the current one — 13 is refused naming the rule, and nothing is stored.
 */
@Service
public class Prepayments {

    public record Quote(UUID unitId, Period period, long amountFen) {
    }

    private final BillingAccess access;
    private final FeePlanStore plans;
    private final InvoiceStore invoices;
    private final InvoiceEvents invoiceEvents;
    private final Settlements settlements;
    private final Clock clock;

    Prepayments(BillingAccess access, FeePlanStore plans, InvoiceStore invoices, InvoiceEvents invoiceEvents, Settlements settlements, Clock clock) {
        this.access = access;
        this.plans = plans;
        this.invoices = invoices;
        this.invoiceEvents = invoiceEvents;
        this.settlements = settlements;
        this.clock = clock;
    }

    public Quote quote(Viewer viewer, UUID communityId, UUID unitId, int months) {
        CommunityCopy community = access.readable(viewer, communityId);
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        return quote(community, unit, plan(communityId), months);
    }

    /** Staff take the payment at the counter; {@code amountFen} must be the quote, so a stale quote is caught, not half-applied. */
    @Transactional
    public Settlements.Applied pay(Viewer viewer, UUID communityId, UUID unitId, int months, long amountFen, String method, String receiptNumber) {
        CommunityCopy community = access.cashierOf(viewer, communityId);
        UnitCopy unit = access.unit(viewer, communityId, unitId);
        if (!CounterPayments.METHODS.contains(method)) {
            throw new BillingRuleViolation("method", "must be CASH, CARD or BANK_TRANSFER", null);
        }
        FeePlan plan = plan(communityId);
        Quote quote = quote(community, unit, plan, months);
        if (quote.amountFen() != amountFen) {
            throw new BillingRuleViolation("amountFen", "%d months from %s cost %d fen, not %d".formatted(months, quote.period().start(),
                    quote.amountFen(), amountFen), "P1");
        }
        LocalDate today = today(community);
        NewInvoice invoice = new PropertyFeeInvoices(plan, quote.period()).invoiceFor(new PropertyFeeInvoices.Billable(unit.id(), communityId,
                unit.reference(), unit.ownerName(), unit.areaCentiM2(), unit.use()), today, null, Ids::newId,
                () -> invoices.nextNumbers(1, today).getFirst());
        invoices.insertAll(List.of(invoice));
        invoiceEvents.issued(List.of(invoice));
        Received payment = new Received(Ids.newId(), communityId, unitId, method, amountFen, receiptNumber.strip(), clock.instant(), Received.recorder(viewer),
                "prepayment of %d months".formatted(months));
        return settlements.receive(payment, invoice.lines().stream().map(NewInvoice.Line::id).toList(), "prepayment")
                .orElseThrow(() -> ProblemException.conflict("receipt " + receiptNumber + " was recorded before"));
    }

    private Quote quote(CommunityCopy community, UnitCopy unit, FeePlan plan, int months) {
        Prepayment.requireMonths(months);
        YearMonth current = YearMonth.from(today(community));
        LocalDate lastBilled = invoices.lastBilledMonth(unit.id());
        YearMonth first = lastBilled == null || YearMonth.from(lastBilled).isBefore(current) ? current : YearMonth.from(lastBilled).plusMonths(1);
        Period period = new Period(first, months);
        long ahead = ChronoUnit.MONTHS.between(current, period.last());
        if (ahead > Prepayment.MAX_MONTHS) {
            throw new BillingRuleViolation("months", "fees are paid up to %s already; %d more months would reach %d months beyond this month (rule P2 allows 12)"
                    .formatted(first.minusMonths(1), months, ahead), "P2");
        }
        PropertyFee.Rate rate = new PropertyFeeInvoices(plan, period).rates().get(unit.use());
        long amount = rate == null ? 0 : rate.feeFor(unit.areaCentiM2());
        if (amount == 0) {
            throw new BillingRuleViolation("months", "the fee plan has no price for this unit's use (" + unit.use() + ")", "P1");
        }
        return new Quote(unit.id(), period, amount);
    }

    private FeePlan plan(UUID communityId) {
        return plans.find(communityId).orElseThrow(() -> new BillingRuleViolation("communityId", "this community has no fee plan", null));
    }

    private LocalDate today(CommunityCopy community) {
        return LocalDate.now(clock.withZone(community.zone()));
    }
}
