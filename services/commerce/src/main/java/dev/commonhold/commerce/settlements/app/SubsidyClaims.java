package dev.commonhold.commerce.settlements.app;

import dev.commonhold.commerce.merchants.domain.InvalidRequest;
import dev.commonhold.commerce.register.CommerceAccess;
import dev.commonhold.commerce.register.CommunityCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Subsidy claims (补贴申领) to the street office: the operator's staff claim a period's subsidies of
 * orders served (fulfilled) to elderly buyers whose age they checked; each order is in one claim only,
 * with its evidence. The street office (a regulator of the jurisdiction) reads them.
 */
@Service
public class SubsidyClaims {

    private final CommerceAccess access;
    private final SettlementStore store;
    private final SettlementEvents events;
    private final Clock clock;

    SubsidyClaims(CommerceAccess access, SettlementStore store, SettlementEvents events, Clock clock) {
        this.access = access;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SettlementStore.Claim claim(Viewer viewer, UUID communityId, LocalDate from, LocalDate through) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        if (through.isBefore(from)) {
            throw new InvalidRequest("through", "must be on or after from");
        }
        if (through.isAfter(today)) {
            throw new InvalidRequest("through", "a claim covers days served: today (%s) at the latest".formatted(today));
        }
        if (from.isBefore(through.minusYears(1))) {
            throw new InvalidRequest("from", "a claim covers at most a year");
        }
        List<SettlementStore.Evidence> evidence = store.unclaimed(communityId, from, through);
        if (evidence.isEmpty()) {
            throw ProblemException.conflict("no served, subsidised order from %s to %s is left to claim".formatted(from, through));
        }
        SettlementStore.Claim claim = new SettlementStore.Claim(Ids.newId(), store.nextClaimNumber(today), communityId, from, through, evidence.size(),
                evidence.stream().mapToLong(SettlementStore.Evidence::subsidyFen).sum(), viewer.username(), clock.instant());
        store.insert(claim, evidence.stream().map(SettlementStore.Evidence::orderId).toList());
        events.claimed(claim, community.divisionCode(), evidence);
        return claim;
    }

    public List<SettlementStore.Claim> list(Viewer viewer, UUID communityId) {
        readable(viewer, communityId);
        return store.claims(communityId);
    }

    public Detail get(Viewer viewer, UUID communityId, UUID claimId) {
        readable(viewer, communityId);
        SettlementStore.Claim claim = store.claim(communityId, claimId).orElseThrow(() -> ProblemException.notFound("Subsidy claim", claimId));
        return new Detail(claim, store.evidence(claimId));
    }

    public record Detail(SettlementStore.Claim claim, List<SettlementStore.Evidence> orders) {
    }

    private void readable(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.visible(viewer, communityId);
        if (!access.manages(viewer, community) && !access.oversees(viewer, community)) {
            throw new AccessDeniedException("subsidy claims are for the operator's staff and the street office");
        }
    }
}
