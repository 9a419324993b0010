package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.app.Agreements;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the share due into payment obligations: what the year's review says is owed (to date, or the whole
 * once the year has closed: fixed fee, minimum guarantee, excess over the return cap, penalties) less what
 * was raised already, split among the covered communities by the revenue each brought in, one charge each
 * through billing. When the operator pays one, the owners' trust account posts it as their income (class
 * franchise_revenue_share; franchise_government_share for a government payee, a pass-through). Raising
 * again raises only what became due since: never twice.
 */
@Service
public class ShareSettlement {

    private final Agreements agreements;
    private final Oversight oversight;
    private final RevenueStore revenue;
    private final ShareStore shares;
    private final ShareCharges charges;
    private final java.time.Clock clock;

    ShareSettlement(Agreements agreements, Oversight oversight, RevenueStore revenue, ShareStore shares, ShareCharges charges, java.time.Clock clock) {
        this.agreements = agreements;
        this.oversight = oversight;
        this.revenue = revenue;
        this.shares = shares;
        this.charges = charges;
        this.clock = clock;
    }

    /** @return the share charges raised now (empty when nothing more is due) */
    @Transactional
    public List<ShareStore.ShareCharge> raiseDue(Viewer viewer, UUID agreementId, int year) {
        AgreementStore.Recorded recorded = agreements.readable(viewer, agreementId);
        agreements.seat(viewer, recorded).requireOperatorAdmin(); // the regulator sees it unpaid as a finding; the debtor raises what it owes
        shares.lock(agreementId, year);
        Oversight.Reviewed reviewed = oversight.compute(recorded, year);
        long raised = shares.charges(agreementId, year).stream().mapToLong(ShareStore.ShareCharge::amountFen).sum();
        long due = reviewed.review().obligationFen() - raised;
        if (due <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        List<ShareStore.ShareCharge> created = new ArrayList<>();
        for (Map.Entry<UUID, Long> part : Split.byRevenue(due, recorded.agreement().terms().communities(), revenue.revenueByCommunity(agreementId, year,
                Oversight.termStart(recorded.agreement()), Oversight.termEnd(recorded.agreement())))
                .entrySet()) {
            if (part.getValue() > 0) {
                ShareStore.ShareCharge charge = new ShareStore.ShareCharge(Ids.newId(), agreementId, year, part.getKey(), part.getValue(), 0, now,
                        viewer.username());
                shares.insert(charge);
                charges.raise(charge, reviewed.agreement(), now);
                created.add(charge);
            }
        }
        return created;
    }
}
