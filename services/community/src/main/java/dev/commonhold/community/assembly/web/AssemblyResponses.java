package dev.commonhold.community.assembly.web;

import dev.commonhold.community.assembly.app.AssemblyQueries;
import dev.commonhold.community.assembly.app.Notices;
import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.Tally;
import dev.commonhold.community.assembly.domain.Voter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the assembly API answers. Areas in m² with two decimals beside the exact 0.01 m² integers they come from. */
final class AssemblyResponses {

    private AssemblyResponses() {
    }

    record Weight(int owners, BigDecimal areaM2, long areaCentiM2) {
    }

    record Fraction(long numerator, long denominator) {
    }

    /** Participation while voting is open: who has taken part, never how. */
    record Participation(Weight participating, Weight electorate, Fraction areaShare, Fraction ownerShare) {
    }

    /** The full count, once decided (rules V1-V3). */
    record TallyResponse(Weight approving, Weight rejecting, Weight abstaining, Weight participating, Weight electorate, boolean quorumMet,
                         String outcome) {
    }

    record BallotResponse(UUID ownerId, String choice, String channel, Instant castAt) {
    }

    record ResolutionResponse(UUID id, String title, String description, String matter, String threshold, String status, String scope,
                              List<UUID> scopeIds, List<Resolution.Document> documents, Instant closesAt, Instant openedAt,
                              Instant decidedAt, boolean nonVotersCountAsApproving, Participation participation, TallyResponse tally,
                              List<BallotResponse> myBallots, List<ExtensionResponse> extensions) {
    }

    record ExtensionResponse(Instant previousClosesAt, Instant closesAt, String reason, Instant extendedAt) {
    }

    record VoterResponse(UUID ownerId, String name, int units, BigDecimal areaM2) {
    }

    /** @param counts whether this is the owner's latest ballot, the one the tally counts (V8: earlier ones are shown too) */
    record CastBallotResponse(UUID ownerId, String name, BigDecimal areaM2, String choice, String channel, Instant castAt, String evidenceSha256,
                              boolean counts) {
    }

    record NoticeResponse(UUID id, UUID resolutionId, String kind, String title, String body, Instant publishedAt) {
    }

    static ResolutionResponse resolution(Resolution r) {
        return resolution(new AssemblyQueries.View(r, null, null, List.of(), List.of()));
    }

    static ResolutionResponse resolution(AssemblyQueries.View view) {
        Resolution r = view.resolution();
        return new ResolutionResponse(r.id(), r.title(), r.description(), r.matter().name(), r.threshold().name(), r.status().name(),
                r.scope().kind().name(), r.scope().ids(), r.documents(), r.closesAt(), r.openedAt(), r.decidedAt(), r.nonVotersApprove(),
                view.participation() == null ? null : participation(view.participation()),
                view.tally() == null ? null : tally(view.tally(), r), view.myBallots().stream().map(AssemblyResponses::ballot).toList(),
                view.extensions().stream().map(e -> new ExtensionResponse(e.previousClosesAt(), e.closesAt(), e.reason(), e.extendedAt())).toList());
    }

    static BallotResponse ballot(Ballot b) {
        return new BallotResponse(b.ownerId(), b.choice().name(), b.channel().name(), b.castAt());
    }

    static VoterResponse voter(Voter v) {
        return new VoterResponse(v.ownerId(), v.name(), v.units(), m2(v.areaCentiSquareMetres()));
    }

    static CastBallotResponse cast(AssemblyQueries.CastBallot c) {
        return new CastBallotResponse(c.ballot().ownerId(), c.voter().name(), m2(c.voter().areaCentiSquareMetres()), c.ballot().choice().name(),
                c.ballot().channel().name(), c.ballot().castAt(), c.ballot().evidence(), c.counts());
    }

    static NoticeResponse notice(Notices.Notice n) {
        return new NoticeResponse(n.id(), n.resolutionId(), n.kind().name(), n.title(), n.body(), n.publishedAt());
    }

    private static Participation participation(Tally t) {
        return new Participation(weight(t.participatingOwners(), t.participatingArea()), weight(t.totalOwners(), t.totalArea()),
                new Fraction(t.participatingArea(), t.totalArea()), new Fraction(t.participatingOwners(), t.totalOwners()));
    }

    private static TallyResponse tally(Tally t, Resolution r) {
        return new TallyResponse(weight(t.approvingOwners(), t.approvingArea()), weight(t.rejectingOwners(), t.rejectingArea()),
                weight(t.abstainingOwners(), t.abstainingArea()), weight(t.participatingOwners(), t.participatingArea()),
                weight(t.totalOwners(), t.totalArea()), t.quorumMet(), r.outcome().name());
    }

    private static Weight weight(int owners, long areaCenti) {
        return new Weight(owners, m2(areaCenti), areaCenti);
    }

    private static BigDecimal m2(long centi) {
        return BigDecimal.valueOf(centi, 2);
    }
}
