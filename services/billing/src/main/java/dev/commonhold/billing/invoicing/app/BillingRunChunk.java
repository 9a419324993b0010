package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;
import dev.commonhold.billing.invoicing.domain.FeePlan;
import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.billing.invoicing.domain.Period;
import dev.commonhold.billing.invoicing.domain.PropertyFeeInvoices;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.billing.register.Register;
import dev.commonhold.billing.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One chunk of a billing run, inside the caller's transaction. */
@Component
class BillingRunChunk {

    static final int UNITS_PER_CHUNK = 2_000;
    private static final UUID FIRST = new UUID(0, 0);

    private final BillingRunStore runs;
    private final Register register;
    private final FeePlanStore plans;
    private final InvoiceStore invoices;
    private final InvoiceEvents events;
    private final Clock clock;

    BillingRunChunk(BillingRunStore runs, Register register, FeePlanStore plans, InvoiceStore invoices, InvoiceEvents events, Clock clock) {
        this.runs = runs;
        this.register = register;
        this.plans = plans;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** @return true while there is more to do */
    boolean next(UUID runId) {
        Optional<BillingRun> locked = runs.lockForWork(runId);
        if (locked.isEmpty() || !locked.get().running()) {
            return false;
        }
        BillingRun run = locked.get();
        List<UUID> communities = BillingRunWorker.communitiesOf(run.scopeKey(), register);
        UUID community = run.cursorCommunity() != null ? run.cursorCommunity() : communities.isEmpty() ? null : communities.getFirst();
        if (community == null) {
            runs.finished(runId, "DONE", null);
            return false;
        }
        List<UnitCopy> units = register.units(community, run.cursorUnit() == null ? FIRST : run.cursorUnit(), UNITS_PER_CHUNK);
        if (units.isEmpty()) {
            UUID following = following(communities, community);
            if (following == null) {
                runs.finished(runId, "DONE", null);
                return false;
            }
            runs.progressed(runId, 0, 0, 0, 0, 0, following, null);
            return true;
        }
        bill(run, community, units);
        return true;
    }

    private void bill(BillingRun run, UUID community, List<UnitCopy> units) {
        UUID cursor = units.getLast().id();
        Optional<FeePlan> plan = plans.find(community);
        Optional<CommunityCopy> copy = register.community(community);
        if (plan.isEmpty() || copy.isEmpty()) {
            runs.progressed(run.id(), units.size(), 0, 0, units.size(), 0, community, cursor);
            return;
        }
        PropertyFeeInvoices billing = new PropertyFeeInvoices(plan.get(), new Period(run.first(), plan.get().cycle().months()));
        Set<UUID> billed = invoices.alreadyBilled(units.stream().map(UnitCopy::id).toList(), billing.months());
        LocalDate today = LocalDate.now(clock.withZone(copy.get().zone()));
        List<UnitCopy> toBill = units.stream().filter(u -> !billed.contains(u.id())).toList();
        Iterator<String> numbers = invoices.nextNumbers(toBill.size(), today).iterator();
        List<NewInvoice> issued = new ArrayList<>();
        for (UnitCopy unit : toBill) {
            NewInvoice invoice = billing.invoiceFor(new PropertyFeeInvoices.Billable(unit.id(), community, unit.reference(), unit.ownerName(),
                    unit.areaCentiM2(), unit.use()), today, run.id(), Ids::newId, numbers::next);
            if (invoice != null) {
                issued.add(invoice);
            }
        }
        invoices.insertAll(issued);
        events.issued(issued);
        long fen = issued.stream().mapToLong(NewInvoice::totalFen).sum();
        runs.progressed(run.id(), units.size(), issued.size(), billed.size(), toBill.size() - issued.size(), fen, community, cursor);
    }

    private static UUID following(List<UUID> communities, UUID current) {
        int at = communities.indexOf(current);
        return at >= 0 && at + 1 < communities.size() ? communities.get(at + 1) : null;
    }
}
