package dev.commonhold.parking.tariffs.app;

import dev.commonhold.parking.lots.app.Lots;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.register.ParkingAccess;
import dev.commonhold.parking.tariffs.domain.ApprovedCaps;
import dev.commonhold.parking.tariffs.domain.Audience;
import dev.commonhold.parking.tariffs.domain.Pricing;
import dev.commonhold.parking.tariffs.domain.TariffPlan;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The operator sets tariff plans (K3) within the lot's approved caps (FR2); anyone who may read
 * the community sees them and can ask what a stay would cost. A plan takes effect from an instant
 * (now when none is given); it may start in the past only while no stay of the lot was priced
 * since — a price once charged is never rewritten.
 */
@Service
public class Tariffs {

    private static final Duration LONGEST_QUOTE = Duration.ofDays(366);

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private final TariffStore store;
    private final FranchiseCaps franchiseCaps;
    private final Lots lots;
    private final ParkingAccess access;
    private final Clock clock;

    Tariffs(TariffStore store, Lots lots, ParkingAccess access, FranchiseCaps franchiseCaps, Clock clock) {
        this.store = store;
        this.franchiseCaps = franchiseCaps;
        this.lots = lots;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public TariffPlan add(Viewer viewer, UUID communityId, UUID lotId, TariffPlan asked) {
        access.staffOf(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        Instant from = asked.effectiveFrom() == null ? clock.instant() : asked.effectiveFrom();
        if (from.isBefore(clock.instant()) && store.pricedSince(lot.id(), from)) {
            throw new ParkingRuleViolation(null, "effectiveFrom", "stays of this lot were priced after " + from
                    + " and keep the plan they had: a new plan starts now or later");
        }
        TariffPlan plan = new TariffPlan(Ids.newId(), lot.id(), asked.audience(), from, asked.freeMinutes(), asked.unitMinutes(),
                asked.firstHourFen(), asked.nextHourFen(), asked.nightStart(), asked.nightEnd(), asked.nightHourFen(), asked.dailyCapFen());
        ApprovedCaps.check(plan, lot, franchiseCaps.of(communityId, lot.visitorSpaceKind().revenueClass()), LocalDate.ofInstant(from, CHINA));
        if (!store.insert(plan, viewer.subject())) {
            throw ProblemException.conflict("the lot already has a " + plan.audience() + " plan from " + from);
        }
        return plan;
    }

    public List<TariffPlan> list(Viewer viewer, UUID communityId, UUID lotId) {
        access.readable(viewer, communityId);
        return store.plans(lots.lot(communityId, lotId).id());
    }

    /** What a stay from entry to exit costs under the lot's plans for that audience. */
    public Pricing.Price quote(Viewer viewer, UUID communityId, UUID lotId, Audience audience, Instant entry, Instant exit) {
        CommunityCopy community = access.readable(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        if (exit.isBefore(entry)) {
            throw new ParkingRuleViolation(null, "exit", "must not be before entry");
        }
        if (Duration.between(entry, exit).compareTo(LONGEST_QUOTE) > 0) {
            throw new ParkingRuleViolation(null, "exit", "a quote covers at most 366 days");
        }
        return price(lot, community, audience, entry, exit);
    }

    /** @throws ParkingRuleViolation when the lot has no plan for the audience in force at entry */
    public Pricing.Price price(Lot lot, CommunityCopy community, Audience audience, Instant entry, Instant exit) {
        List<TariffPlan> plans = store.plans(lot.id(), audience);
        if (plans.isEmpty() || plans.getFirst().effectiveFrom().isAfter(entry)) {
            throw new ParkingRuleViolation("K3", "audience", "lot " + lot.name() + " has no " + audience + " tariff in force at " + entry);
        }
        return Pricing.of(entry, exit, plans, community.zone());
    }
}
