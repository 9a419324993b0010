package dev.commonhold.franchise.agreements.app;

import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.AgreementTerms;
import dev.commonhold.franchise.register.CommunityCopy;
import dev.commonhold.franchise.register.FranchiseAccess;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Records agreements and their amendments (FR5) and answers who may read them. A community's revenue
 * class is covered by one agreement at a time; recording one that overlaps another is refused (409).
 */
@Service
public class Agreements {

    private final AgreementStore store;
    private final FranchiseAccess access;
    private final TariffCapEvents events;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher published;

    Agreements(AgreementStore store, FranchiseAccess access, TariffCapEvents events, Clock clock,
               org.springframework.context.ApplicationEventPublisher published) {
        this.published = published;
        this.store = store;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Version 1, in force from the term's first day. */
    @Transactional
    public AgreementStore.Recorded record(Viewer viewer, AgreementTerms terms) {
        return store(viewer, new Agreement(Ids.newId(), 1, terms.term().startsOn(), null, terms));
    }

    /** A new version from {@code effectiveFrom} (not before the current version's), for a stated reason. */
    @Transactional
    public AgreementStore.Recorded amend(Viewer viewer, UUID agreementId, LocalDate effectiveFrom, String reason, AgreementTerms terms) {
        store.lock(agreementId);
        AgreementStore.Recorded current = readable(viewer, agreementId);
        access.seat(viewer, current.agreement().terms().jurisdiction(), current.agreement().terms().communities()).requireOperatorAdmin();
        if (effectiveFrom != null && effectiveFrom.isBefore(current.agreement().effectiveFrom())) {
            throw ProblemException.invalid("effectiveFrom", "an amendment takes effect on or after the version it amends (" + current.agreement().effectiveFrom() + ")");
        }
        return store(viewer, new Agreement(agreementId, current.agreement().version() + 1, effectiveFrom, reason, terms));
    }

    private AgreementStore.Recorded store(Viewer viewer, Agreement agreement) {
        List<CommunityCopy> covered = access.operatorAdminOf(viewer, agreement.terms().communities());
        requireWithinJurisdiction(agreement.terms().jurisdiction(), covered);
        UUID company = covered.getFirst().operatorCompanyId();
        Instant now = clock.instant();
        List<String> overlaps = store.insert(agreement, company, viewer.username(), now);
        if (!overlaps.isEmpty()) {
            throw ProblemException.conflict("another agreement already covers " + String.join(", ", overlaps)
                    + ": a community's revenue class is counted under one franchise; amend that one or leave the class out").with("field", "coveredClasses");
        }
        events.capsSet(agreement, now);
        published.publishEvent(new AgreementStored(agreement)); // in this transaction: charges kept before it are checked against its caps
        return new AgreementStore.Recorded(agreement, company, viewer.username(), now);
    }

    /**
     * The regulator of the jurisdiction oversees every covered community: a community outside it would be out of
     * that regulator's sight. A division code's trailing "00" pairs widen it (110100: all of 1101…; 110000: all of 11…).
     */
    private static void requireWithinJurisdiction(String jurisdiction, List<CommunityCopy> covered) {
        String within = jurisdiction.replaceFirst("(00)+$", "");
        for (CommunityCopy c : covered) {
            if (!c.divisionCode().startsWith(within)) {
                throw ProblemException.invalid("jurisdiction", "%s is in division %s, outside %s: name the regulator's division that covers every community"
                        .formatted(c.name(), c.divisionCode(), jurisdiction));
            }
        }
    }

    /** The latest version, for anyone who may see the agreement; 404 otherwise. */
    public AgreementStore.Recorded readable(Viewer viewer, UUID agreementId) {
        AgreementStore.Recorded found = store.latest(agreementId).orElseThrow(() -> ProblemException.notFound("Agreement", agreementId));
        seat(viewer, found).requireSeen(agreementId);
        return found;
    }

    public FranchiseAccess.Seat seat(Viewer viewer, AgreementStore.Recorded recorded) {
        return access.seat(viewer, recorded.agreement().terms().jurisdiction(), recorded.agreement().terms().communities());
    }

    public List<AgreementStore.Recorded> versions(Viewer viewer, UUID agreementId) {
        readable(viewer, agreementId);
        return store.versions(agreementId);
    }

    /** The agreements the viewer may see, optionally only those covering one community. */
    public List<AgreementStore.Recorded> visible(Viewer viewer, UUID communityId) {
        return store.all().stream().filter(r -> communityId == null || r.agreement().terms().communities().contains(communityId))
                .filter(r -> seat(viewer, r) != FranchiseAccess.Seat.NONE).toList();
    }
}
