package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.app.Agreements;
import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.oversight.domain.YearReview;
import dev.commonhold.franchise.register.FranchiseAccess;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An agreement's year reviewed from the ledger (YearReview): for the operator, the regulator of its
 * jurisdiction, and — the share owed to their community only — the covered communities' owners.
 */
@Service
public class Oversight {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Agreements agreements;
    private final AgreementStore store;
    private final RevenueStore revenue;
    private final ReportStore reports;
    private final ShareStore shares;
    private final Clock clock;

    Oversight(Agreements agreements, AgreementStore store, RevenueStore revenue, ReportStore reports, ShareStore shares, Clock clock) {
        this.agreements = agreements;
        this.store = store;
        this.revenue = revenue;
        this.reports = reports;
        this.shares = shares;
        this.clock = clock;
    }

    /** The review for the operator and the regulator. */
    public Reviewed review(Viewer viewer, UUID agreementId, int year) {
        AgreementStore.Recorded recorded = agreements.readable(viewer, agreementId);
        agreements.seat(viewer, recorded).requireOversight();
        return compute(recorded, year);
    }

    /** A review with the version it was computed under and the number of payments its revenue is (the demand met). */
    public record Reviewed(Agreement agreement, YearReview review, long settledPayments) {
    }

    Reviewed compute(AgreementStore.Recorded recorded, int year) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        int first = recorded.agreement().terms().term().startsOn().getYear();
        int last = Math.min(today.getYear(), recorded.agreement().terms().term().endsOn().getYear());
        if (year < first || year > last) {
            throw ProblemException.invalid("year", first > last ? "the term starts in %d: no year to review yet".formatted(first)
                    : "a year of the term up to this one: %d to %d".formatted(first, last));
        }
        UUID id = recorded.agreement().id();
        Agreement inForce = store.inForce(id, LocalDate.of(year, 12, 31)).orElseThrow();
        long paid = shares.charges(id, year).stream().mapToLong(ShareStore.ShareCharge::paidFen).sum();
        RevenueStore.Ledger ledger = revenue.ledger(id, year, termStart(recorded.agreement()), termEnd(recorded.agreement()));
        return new Reviewed(inForce, YearReview.of(inForce, year, today, ledger.byClassFen(), reports.reports(id), paid,
                revenue.overcharges(id, year)), ledger.payments());
    }

    /** The term's first moment, Beijing time: revenue settled before it is not the franchise's. */
    static java.time.Instant termStart(Agreement agreement) {
        return agreement.terms().term().startsOn().atStartOfDay(CHINA).toInstant();
    }

    /** The moment after the term's last day, Beijing time: revenue settled from then on is no longer the franchise's. */
    static java.time.Instant termEnd(Agreement agreement) {
        return agreement.terms().term().endsOn().plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** What the owners of one covered community can see: their community's part of the share owed and paid. */
    public record OwnersShare(UUID agreementId, int year, UUID communityId, long revenueFen, long owedFen, long raisedFen, long paidFen) {
    }

    public OwnersShare ownersShare(Viewer viewer, UUID agreementId, int year, UUID communityId) {
        AgreementStore.Recorded recorded = agreements.readable(viewer, agreementId);
        FranchiseAccess.Seat seat = agreements.seat(viewer, recorded);
        if (!recorded.agreement().terms().communities().contains(communityId)
                || (seat == FranchiseAccess.Seat.OWNER && !viewer.communities().contains(communityId))) {
            throw ProblemException.notFound("Community under this agreement", communityId);
        }
        Reviewed reviewed = compute(recorded, year);
        var byCommunity = revenue.revenueByCommunity(agreementId, year, termStart(recorded.agreement()), termEnd(recorded.agreement()));
        long owed = Split.byRevenue(reviewed.review().obligationFen(), recorded.agreement().terms().communities(), byCommunity).get(communityId);
        List<ShareStore.ShareCharge> charges = shares.charges(agreementId, year).stream().filter(c -> c.communityId().equals(communityId)).toList();
        return new OwnersShare(agreementId, year, communityId, byCommunity.getOrDefault(communityId, 0L), owed,
                charges.stream().mapToLong(ShareStore.ShareCharge::amountFen).sum(), charges.stream().mapToLong(ShareStore.ShareCharge::paidFen).sum());
    }

    /** Every agreement of a district the viewer oversees, reviewed for a year: the regulator's district report. */
    public List<Reviewed> district(Viewer viewer, String divisionPrefix, int year) {
        if (divisionPrefix == null || !divisionPrefix.matches("\\d{2,6}")) {
            throw ProblemException.invalid("division", "2 to 6 digits of an administrative division code");
        }
        return agreements.visible(viewer, null).stream()
                .filter(r -> r.agreement().terms().jurisdiction().startsWith(divisionPrefix))
                .filter(r -> agreements.seat(viewer, r) != FranchiseAccess.Seat.OWNER)
                .filter(r -> r.agreement().terms().term().startsOn().getYear() <= year)
                .map(r -> compute(r, year)).toList();
    }
}
