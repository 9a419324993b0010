package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.app.AgreementStored;
import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.oversight.domain.Overcharge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agreement is often recorded after its term began, and an amendment may change the caps: the charges kept
 * since the term's first day in its scope are checked again against the version in force on each one's last day
 * served (FR2), in the transaction that records the version.
 */
@Component
class Recheck {

    private static final Logger log = LoggerFactory.getLogger(Recheck.class);

    private final AgreementStore agreements;
    private final RevenueStore revenue;

    Recheck(AgreementStore agreements, RevenueStore revenue) {
        this.agreements = agreements;
        this.revenue = revenue;
    }

    @EventListener
    void stored(AgreementStored stored) {
        Agreement latest = stored.agreement();
        int over = 0;
        var charges = revenue.observed(latest.terms().communities(), latest.terms().coveredClasses(), latest.terms().term().startsOn());
        for (RevenueStore.Observed c : charges) {
            Agreement inForce = agreements.inForce(latest.id(), c.servedTo()).orElse(latest);
            Overcharge found = Overcharge.check(inForce, c.chargeId().toString(), c.revenueClass(), c.sourceReference(), c.servedFrom(), c.servedTo(),
                    c.amountFen()).orElse(null);
            revenue.checked(c.chargeId(), latest.id(), found);
            over += found == null ? 0 : 1;
        }
        if (!charges.isEmpty()) {
            log.info("agreement {} v{}: {} charges kept since {} checked against its caps, {} above them", latest.id(), latest.version(), charges.size(),
                    latest.terms().term().startsOn(), over);
        }
    }
}
