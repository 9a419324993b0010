package dev.commonhold.commerce.merchants.app;

import dev.commonhold.commerce.merchants.domain.CommissionTerms;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.Offering;
import dev.commonhold.commerce.register.CommerceAccess;
import dev.commonhold.commerce.register.CommunityCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operator's staff register merchants, their commission agreements and offerings; anyone of the community sees what is offered. */
@Service
public class Merchants {

    private final CommerceAccess access;
    private final MerchantStore store;
    private final java.time.Clock clock;

    Merchants(CommerceAccess access, MerchantStore store, java.time.Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    /** The operator's staff of the community (who see merchants' accounts in full). */
    public boolean staffViewing(Viewer viewer, UUID communityId) {
        return access.manages(viewer, access.visible(viewer, communityId));
    }

    @Transactional
    public Merchant register(Viewer viewer, UUID communityId, Merchant draft) {
        access.staffOf(viewer, communityId);
        Merchant merchant = new Merchant(Ids.newId(), communityId, draft.name(), draft.licenceNumber(), draft.settlementBank(),
                draft.settlementAccount(), draft.settlementDelayDays(), draft.login() == null ? null : draft.login().toLowerCase(java.util.Locale.ROOT),
                draft.commission());
        if (!store.insert(merchant)) {
            throw ProblemException.conflict("a merchant with licence number %s is already registered in this community".formatted(draft.licenceNumber()));
        }
        return merchant;
    }

    /** A new commission agreement applies to orders placed from now on; each order keeps the split it was placed with. */
    @Transactional
    public Merchant changeCommission(Viewer viewer, UUID communityId, UUID merchantId, CommissionTerms terms) {
        access.staffOf(viewer, communityId);
        Merchant m = merchant(communityId, merchantId);
        Merchant changed = new Merchant(m.id(), m.communityId(), m.name(), m.licenceNumber(), m.settlementBank(), m.settlementAccount(),
                m.settlementDelayDays(), m.login(), terms);
        store.updateCommission(changed);
        return changed;
    }

    /** The operator's staff: every merchant; a merchant: itself; anyone else of the community: every merchant, accounts masked by the view. */
    public List<Merchant> list(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.visible(viewer, communityId);
        List<Merchant> all = store.merchants(communityId);
        if (!access.manages(viewer, community) && viewer.has(Role.MERCHANT) && !viewer.mayRead(community.ref())) {
            return all.stream().filter(m -> isMerchant(viewer, m)).toList();
        }
        return all;
    }

    @Transactional
    public Offering offer(Viewer viewer, UUID communityId, UUID merchantId, Offering draft) {
        access.staffOf(viewer, communityId);
        merchant(communityId, merchantId);
        Offering offering = new Offering(Ids.newId(), merchantId, communityId, draft.kind(), draft.name(), draft.priceFen(), draft.eligibility(),
                draft.minAge(), draft.capacityPerDay(), draft.stock(), draft.opensAt(), draft.closesAt(), draft.locker());
        store.insert(offering);
        return offering;
    }

    /** What is offered, with the seats left on {@code day} (null: today in the community's zone) for offerings with a daily capacity. */
    public List<Available> offerings(Viewer viewer, UUID communityId, LocalDate day) {
        CommunityCopy community = access.visible(viewer, communityId);
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        if (day != null && (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(1)))) {
            throw new dev.commonhold.commerce.merchants.domain.InvalidRequest("date", "must be within a year of today (%s)".formatted(today));
        }
        day = day == null ? today : day;
        Map<UUID, Integer> taken = store.takenOn(communityId, day);
        return store.offerings(communityId).stream().map(o -> new Available(o, o.capacityPerDay() == null ? null
                : o.capacityPerDay() - taken.getOrDefault(o.id(), 0))).toList();
    }

    /** @param seatsLeft on the day asked, or null when the offering has no daily capacity */
    public record Available(Offering offering, Integer seatsLeft) {
    }

    /** A merchant user's merchants, each with its community; empty for anyone without the merchant role. */
    public List<Mine> mine(Viewer viewer) {
        if (!viewer.has(Role.MERCHANT) || viewer.username() == null) {
            return List.of();
        }
        return store.merchantsOfLogin(viewer.username()).stream()
                .flatMap(m -> access.community(m.communityId()).map(c -> new Mine(m, c)).stream()).toList();
    }

    public record Mine(Merchant merchant, CommunityCopy community) {
    }

    public Merchant merchant(UUID communityId, UUID merchantId) {
        return store.merchant(communityId, merchantId).orElseThrow(() -> ProblemException.notFound("Merchant", merchantId));
    }

    public static boolean isMerchant(Viewer viewer, Merchant m) {
        return viewer.has(Role.MERCHANT) && m.login() != null && viewer.username() != null && m.login().equalsIgnoreCase(viewer.username());
    }
}
