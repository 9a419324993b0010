package dev.commonhold.commerce.settlements.app;

import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.register.CommerceAccess;
import dev.commonhold.commerce.register.CommunityCopy;
import dev.commonhold.commerce.settlements.domain.Statement;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Merchant settlement, T+N: a merchant's orders served (or paid and cancelled) and refunds made up to N days ago that no
 * settlement took yet go into one statement (gross, subsidy, refunds, commission, net) and its payout
 * from the community's account. Run by the operator's staff for one merchant or all; running it again
 * finds nothing new. Each merchant in its own transaction, its row locked, so two runs never settle
 * the same order twice.
 */
@Service
public class Settlements {

    private final CommerceAccess access;
    private final Merchants merchants;
    private final SettlementStore store;
    private final SettlementEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Settlements(CommerceAccess access, Merchants merchants, SettlementStore store, SettlementEvents events, TransactionTemplate tx, Clock clock) {
        this.access = access;
        this.merchants = merchants;
        this.store = store;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param merchantId one merchant, or null for every merchant of the community; @return the settlements issued (none when nothing was due) */
    public List<SettlementStore.Settlement> run(Viewer viewer, UUID communityId, UUID merchantId) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        List<Merchant> due = merchantId == null ? merchants.list(viewer, communityId) : List.of(merchants.merchant(communityId, merchantId));
        List<SettlementStore.Settlement> issued = new ArrayList<>();
        for (Merchant m : due) {
            SettlementStore.Settlement s = tx.execute(status -> settle(community, m, viewer.username()));
            if (s != null) {
                issued.add(s);
            }
        }
        return issued;
    }

    private SettlementStore.Settlement settle(CommunityCopy community, Merchant m, String by) {
        store.lockMerchant(m.id());
        Instant now = clock.instant();
        LocalDate through = LocalDate.ofInstant(now, community.zone()).minusDays(m.settlementDelayDays());
        Instant before = through.plusDays(1).atStartOfDay(community.zone()).toInstant();
        Statement statement = store.unsettled(m.id(), before);
        if (statement.orders() == 0 && statement.refunds() == 0) {
            return null;
        }
        SettlementStore.Settlement s = new SettlementStore.Settlement(Ids.newId(), store.nextSettlementNumber(through), community.id(), m.id(), m.name(),
                through, statement, by, now);
        store.insert(s, before);
        events.issued(s);
        return s;
    }

    /** The operator's staff: every settlement; a merchant: its own. */
    public List<SettlementStore.Settlement> list(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.visible(viewer, communityId);
        if (access.manages(viewer, community)) {
            return store.settlements(communityId, null);
        }
        List<Merchant> own = merchants.list(viewer, communityId).stream().filter(m -> Merchants.isMerchant(viewer, m)).toList();
        if (own.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("settlements are for the merchant and the operator's staff");
        }
        return own.stream().flatMap(m -> store.settlements(communityId, m.id()).stream()).toList();
    }

    public Detail get(Viewer viewer, UUID communityId, UUID settlementId) {
        SettlementStore.Settlement s = list(viewer, communityId).stream().filter(x -> x.id().equals(settlementId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Settlement", settlementId));
        return new Detail(s, store.lines(s.id()));
    }

    public record Detail(SettlementStore.Settlement settlement, List<SettlementStore.Line> lines) {
    }
}
